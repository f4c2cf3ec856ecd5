import { randomUUID } from 'node:crypto';
import type { CaseLinkedEvent } from '@app/contracts';
import type { BatchItem } from '@app/kafka';
import { COUNTRY, GENEROUS, policyOf, SeizureReportBuilder } from '@app/testing';
import { InMemoryAlertStore } from '../testing/in-memory-alert-store';
import { AlertIssuerService } from './alert-issuer.service';
import { AlertSignals } from './alert-signals';
import { RequestSources } from '../requests/request-sources.service';

const policy = policyOf({
  agencies: {
    'AF-CNPA': { name: 'Counter Narcotics Police', liaisonContact: { email: 'blo@cnpa.example.org' } },
    'PK-ANF': { name: 'Anti-Narcotics Force', liaisonContact: { email: 'blo@anf.example.org' } },
    'PK-FIA': { name: 'Federal Investigation Agency', liaisonContact: { email: 'blo@fia.example.org' } },
  },
  rules: [
    { from: 'PK', to: 'AF', ...COUNTRY },
    { from: 'AF', to: 'PK', ...GENEROUS, requests: { allowed: true, releasable: ['persons[].name'] } },
  ],
});

interface Side {
  agencyId: string;
  eventId: string;
  ref: string;
  body: Record<string, unknown>;
}

const PHONE = '+93700000001';

function seizure(agencyId: string): Side {
  const eventId = randomUUID();
  const ref = `${agencyId}-${eventId.slice(0, 8)}`;
  const body = SeizureReportBuilder.valid()
    .withEventId(eventId)
    .withAgency(agencyId)
    .withCaseRef(ref)
    .without('persons')
    .withPerson({ role: 'SUSPECT', name: 'Suspect Person', phones: [PHONE] })
    .build() as unknown as Record<string, unknown>;
  return { agencyId, eventId, ref, body };
}

/** A CaseLinked as correlation emits it: both sides with their reports, and the cluster's agencies. */
function linkOf(a: Side, b: Side, clusterAgencies = [a.agencyId, b.agencyId]): BatchItem<CaseLinkedEvent> {
  const side = (s: Side) => ({
    agencyCaseId: `seizure:${s.agencyId}:${s.ref}`,
    agencyId: s.agencyId,
    kind: 'seizure' as const,
    ref: s.ref,
    eventIds: [s.eventId],
    reports: [{ eventId: s.eventId, body: s.body }],
  });
  const clusterId = randomUUID();
  const value: CaseLinkedEvent = {
    eventId: randomUUID(),
    linkId: randomUUID(),
    clusterId,
    createdAt: new Date().toISOString(),
    a: side(a),
    b: side(b),
    score: 0.97,
    reasons: [
      {
        feature: 'PHONE',
        weight: 0.97,
        detail: `phone ${PHONE}`,
        sources: ['persons[0].phones[0]', 'persons[0].phones[0]'],
      },
    ],
    crossBorder: a.agencyId.slice(0, 2) !== b.agencyId.slice(0, 2),
    weak: false,
    capped: [],
    countries: [...new Set(clusterAgencies.map((x) => x.slice(0, 2)))].sort(),
    clusterAgencies: [...new Set(clusterAgencies)].sort(),
    triggeredByEventId: b.eventId,
  };
  return {
    value,
    meta: {
      topic: 'intel.case.linked.v1',
      partition: 0,
      offset: '0',
      key: clusterId,
      headers: {},
      eventId: value.eventId,
      timestamp: '0',
    },
  };
}

describe('AlertIssuerService: a batch of links becomes one alert per recipient, once, from the events alone', () => {
  let store: InMemoryAlertStore;
  let woken: number;
  let issuer: AlertIssuerService;

  beforeEach(() => {
    store = new InMemoryAlertStore();
    const signals = new AlertSignals();
    woken = 0;
    signals.subscribe(() => woken++);
    issuer = new AlertIssuerService(store, policy, signals, new RequestSources(policy));
  });

  it('alerts both agencies of a cross-border link, records the disclosures, and wakes the streams', async () => {
    const af = seizure('AF-CNPA');
    const pk = seizure('PK-ANF');
    await issuer.onLinks([linkOf(af, pk)]);
    expect(store.alerts.map((a) => a.alert.recipientAgencyId).sort()).toEqual(['AF-CNPA', 'PK-ANF']);
    expect(store.alerts.map((a) => a.seq)).toEqual([1, 1]);
    // One entry per alert, naming its channels (no subscription here: no webhook).
    expect(store.ledger.map((e) => e.channels)).toEqual([
      ['KAFKA', 'INBOX'],
      ['KAFKA', 'INBOX'],
    ]);
    expect(woken).toBe(1);
  });

  it('keeps, with the alerts, the reports of the side another agency may send requests to, once', async () => {
    // PK-ANF may ask AF-CNPA (AF → PK allows requests); nobody may ask PK-ANF.
    const af = seizure('AF-CNPA');
    const link = linkOf(af, seizure('PK-ANF'));
    await issuer.onLinks([link]);
    await issuer.onLinks([link]);
    expect(store.requestSources.map((s) => [s.linkId, s.report.eventId, s.report.agencyId])).toEqual([
      [link.value.linkId, af.eventId, 'AF-CNPA'],
    ]);
  });

  it('issues nothing for a redelivered link or the same link under a new event id', async () => {
    const link = linkOf(seizure('AF-CNPA'), seizure('PK-ANF'));
    await issuer.onLinks([link]);
    await issuer.onLinks([link]);
    await issuer.onLinks([{ ...link, value: { ...link.value, eventId: randomUUID() } }]);
    expect(store.alerts).toHaveLength(2);
    expect(woken).toBe(1);
  });

  it('composes from the event alone: a link whose reports this service never saw is alerted at once', async () => {
    // Nothing but the event: no report copy, no stored cluster, nothing to wait for or retry.
    const af = seizure('AF-CNPA');
    const pk = seizure('PK-ANF');
    await issuer.onLinks([linkOf(af, pk)]);
    const anf = store.alerts.find((a) => a.alert.recipientAgencyId === 'PK-ANF')!;
    expect(JSON.stringify(anf.alert.payload)).toContain(af.ref);
    expect(store.applied.size).toBe(1);
  });

  it("alerts an agency of the cluster that is not a side of the link, from the event's cluster agencies, without any identifier value", async () => {
    const af = seizure('AF-CNPA');
    const pk = seizure('PK-ANF');
    await issuer.onLinks([linkOf(pk, seizure('PK-FIA'), ['AF-CNPA', 'PK-ANF', 'PK-FIA'])]);
    const cnpa = store.alerts.find((a) => a.alert.recipientAgencyId === 'AF-CNPA');
    expect(cnpa).toBeDefined();
    // PK → AF is COUNTRY (MATCHED_ONLY identifiers): for a side the phone would show; not for a non-side.
    expect(JSON.stringify(cnpa!.alert.payload)).not.toContain(PHONE);
    expect(JSON.stringify(store.ledger.filter((e) => e.recipient.id === 'AF-CNPA'))).not.toContain(PHONE);
    void af;
  });
});
