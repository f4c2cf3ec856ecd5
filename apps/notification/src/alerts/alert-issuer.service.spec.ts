import { randomUUID } from 'node:crypto';
import type { CaseLinkedEvent } from '@app/contracts';
import type { BatchItem } from '@app/kafka';
import { COUNTRY, GENEROUS, policyOf, SeizureReportBuilder } from '@app/testing';
import { ReportCopiesInFlight } from '../reports/report-copies-in-flight';
import { InMemoryAlertStore, InMemoryReports } from '../testing/in-memory-alert-store';
import { AlertIssuerService, ReportsNotYetStoredError } from './alert-issuer.service';
import { AlertSignals } from './alert-signals';
import { replayMembership } from './domain/cluster-membership';

const policy = policyOf({
  agencies: {
    'AF-CNPA': { name: 'Counter Narcotics Police', liaisonContact: { email: 'blo@cnpa.example.org' } },
    'PK-ANF': { name: 'Anti-Narcotics Force', liaisonContact: { email: 'blo@anf.example.org' } },
    'PK-FIA': { name: 'Federal Investigation Agency', liaisonContact: { email: 'blo@fia.example.org' } },
  },
  rules: [
    { from: 'PK', to: 'AF', ...COUNTRY },
    { from: 'AF', to: 'PK', ...GENEROUS },
  ],
});

function seizure(reports: InMemoryReports, agencyId: string) {
  const eventId = randomUUID();
  const ref = `${agencyId}-${eventId.slice(0, 8)}`;
  const body = SeizureReportBuilder.valid()
    .withEventId(eventId)
    .withAgency(agencyId)
    .withCaseRef(ref)
    .build();
  void reports.store('seizure', [body]);
  return { agencyId, eventId, ref };
}

function linkOf(
  a: { agencyId: string; eventId: string; ref: string },
  b: { agencyId: string; eventId: string; ref: string },
  clusterId = randomUUID(),
  merged?: { absorbedClusterId: string },
): BatchItem<CaseLinkedEvent> {
  const side = (s: typeof a) => ({
    agencyCaseId: `seizure:${s.agencyId}:${s.ref}`,
    agencyId: s.agencyId,
    kind: 'seizure' as const,
    ref: s.ref,
    eventIds: [s.eventId],
  });
  const value = {
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
        detail: 'phone in both',
        sources: ['persons[0].phones[0]', 'persons[0].phones[0]'],
      },
    ],
    crossBorder: a.agencyId.slice(0, 2) !== b.agencyId.slice(0, 2),
    weak: false,
    capped: [],
    countries: [...new Set([a.agencyId.slice(0, 2), b.agencyId.slice(0, 2)])].sort(),
    triggeredByEventId: b.eventId,
    ...(merged ? { merged } : {}),
  } as unknown as CaseLinkedEvent;
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

describe('AlertIssuerService: a batch of links becomes one alert per recipient, once', () => {
  let store: InMemoryAlertStore;
  let reports: InMemoryReports;
  let woken: number;
  let issuer: AlertIssuerService;

  beforeEach(() => {
    store = new InMemoryAlertStore();
    reports = new InMemoryReports();
    const signals = new AlertSignals();
    woken = 0;
    signals.subscribe(() => woken++);
    issuer = new AlertIssuerService(store, reports, policy, signals, new ReportCopiesInFlight());
  });

  it('alerts both agencies of a cross-border link, records the disclosures, and wakes the streams', async () => {
    const af = seizure(reports, 'AF-CNPA');
    const pk = seizure(reports, 'PK-ANF');
    const link = linkOf(af, pk);
    await issuer.onLinks([link]);
    expect(store.alerts.map((a) => a.alert.recipientAgencyId).sort()).toEqual(['AF-CNPA', 'PK-ANF']);
    expect(store.alerts.map((a) => a.seq)).toEqual([1, 1]);
    expect(store.ledger.map((e) => e.channel)).toEqual(['KAFKA', 'INBOX', 'KAFKA', 'INBOX']);
    expect(woken).toBe(1);
  });

  it('issues nothing for a redelivered link or the same link under a new event id', async () => {
    const link = linkOf(seizure(reports, 'AF-CNPA'), seizure(reports, 'PK-ANF'));
    await issuer.onLinks([link]);
    await issuer.onLinks([link]);
    await issuer.onLinks([{ ...link, value: { ...link.value, eventId: randomUUID() } }]);
    expect(store.alerts).toHaveLength(2);
    expect(woken).toBe(1);
  });

  it('fails as transient while a report of the link is not stored yet, issuing nothing', async () => {
    const af = seizure(reports, 'AF-CNPA');
    const link = linkOf(af, { agencyId: 'PK-ANF', eventId: randomUUID(), ref: 'PK-ANF-LATE' });
    await expect(issuer.onLinks([link])).rejects.toBeInstanceOf(ReportsNotYetStoredError);
    expect(store.alerts).toHaveLength(0);
    expect(store.applied.size).toBe(0);
  });

  it('alerts an agency of the cluster that is not a side of the link (membership remembered across batches)', async () => {
    const cluster = randomUUID();
    const af = seizure(reports, 'AF-CNPA');
    const pk = seizure(reports, 'PK-ANF');
    const fia = seizure(reports, 'PK-FIA');
    await issuer.onLinks([linkOf(af, pk, cluster)]);
    await issuer.onLinks([linkOf(pk, fia, cluster)]);
    expect(
      store.members
        .filter((m) => m.clusterId === cluster)
        .map((m) => m.agencyId)
        .sort(),
    ).toEqual(['AF-CNPA', 'PK-ANF', 'PK-FIA']);
    const second = store.alerts.slice(2).map((a) => a.alert.recipientAgencyId);
    expect(second).toContain('AF-CNPA');
  });
});

describe('replayMembership', () => {
  it('moves an absorbed cluster into the survivor and forgets it', () => {
    const side = (agencyId: string, ref: string) => ({
      agencyCaseId: `seizure:${agencyId}:${ref}`,
      agencyId,
    });
    const stored = [
      { clusterId: 'old', ...side('PK-FIA', 'F1') },
      { clusterId: 'keep', ...side('AF-CNPA', 'C1') },
    ];
    const event = {
      clusterId: 'keep',
      merged: { absorbedClusterId: 'old' },
      a: side('AF-CNPA', 'C1'),
      b: side('PK-ANF', 'A1'),
    } as unknown as CaseLinkedEvent;
    const after = replayMembership(stored, [event]);
    expect(after.absorbed).toEqual(['old']);
    expect(after.clusterAgencies[0].sort()).toEqual(['AF-CNPA', 'PK-ANF', 'PK-FIA']);
    expect(after.kept.every((m) => m.clusterId === 'keep')).toBe(true);
    expect(after.kept).toHaveLength(3);
  });
});
