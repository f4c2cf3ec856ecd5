import { randomInt, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { IdentityStore } from '@app/identity';
import { LedgerKeyring, verifyLedger } from '@app/ledger';
import {
  callApi,
  containerNumber,
  createKeys,
  eventually,
  publishReports,
  SeizureReportBuilder,
  startService,
  stopAll,
  testKafka,
  type RunningService,
  connectedProducer,
} from '@app/testing';
import type { CorrelationEnv } from '../correlation.env';
import { correlationService } from '../correlation.service-definition';

// The case API and the pre-check through the disclosure decision, and their entries in the
// correlation chain of the disclosure ledger (docs/disclosure.md, docs/ledger.md). Agencies of this
// spec only: AF-DSCA and PK-DSCB linked on a container, PK-DSCC joined the cluster with one seizure
// linked to PK-DSCB's case on another container.

const [A, B, C] = ['AF-DSCA', 'PK-DSCB', 'AF-DSCC'];
const WAIT = { timeoutMs: 30000, intervalMs: 200 };

interface CaseBody {
  clusterId: string;
  members: { agencyId: string; agencyCaseRef?: string }[];
  links: { agencyCases: [string, string]; reasons: { feature: string; detail: string }[] }[];
}

describe('Case API and pre-check disclosures, and their ledger entries (real Kafka and PostgreSQL)', () => {
  let svc: RunningService<CorrelationEnv>;
  let ds: DataSource;
  let producer: Producer;
  const kafka = testKafka('case-disclosure-int');
  let keys: Record<string, string>;

  beforeAll(async () => {
    const policyFile = path.join(tmpdir(), `case-disclosure-policy-${randomUUID()}.json`);
    writeFileSync(
      policyFile,
      JSON.stringify({
        version: 1,
        default: {
          alerts: true,
          identifiers: 'MATCHED_ONLY',
          persons: 'ROLE_ONLY',
          narrative: false,
          liaisonContact: true,
        },
        agencies: { [B]: { name: 'Agency B', liaisonContact: { email: 'b@example.org' } } },
      }),
    );
    svc = await startService(correlationService, {
      env: { AUTH_CACHE_TTL_MS: '0', SHARING_POLICY_FILE: policyFile },
    });
    ds = svc.app.get(DataSource);
    const identity = svc.app.get(IdentityStore);
    for (const a of [A, B, C])
      if (!(await identity.getAgency(a))) await identity.addAgency({ id: a, name: `Agency ${a}` });
    keys = await createKeys(svc.app, {
      a: ['liaison', A],
      b: ['liaison', B],
      c: ['liaison', C],
      checker: ['publisher', A],
    });
    producer = await connectedProducer(kafka);
  });

  afterAll(() => stopAll(producer, svc));

  const ledger = (recipient: string, kind: string) =>
    ds.query<{ subject_id: string; disclosed: string }[]>(
      `SELECT subject_id, disclosed FROM correlation.disclosure_ledger WHERE recipient_id = $1 AND kind = $2 ORDER BY seq`,
      [recipient, kind],
    );

  /** How many times an entry about `subjectId` is pending or in the chain (one statement: one snapshot). */
  const pendingOrChained = async (subjectId: string) => {
    const [{ n }] = await ds.query<{ n: string }[]>(
      `SELECT (SELECT count(*) FROM correlation.ledger_pending WHERE entry->>'subjectId' = $1)
            + (SELECT count(*) FROM correlation.disclosure_ledger WHERE subject_id = $1) AS n`,
      [subjectId],
    );
    return Number(n);
  };

  const verifies = () =>
    verifyLedger((sql, p) => ds.query(sql, p), 'correlation', LedgerKeyring.development(), null);

  it('shows a link only to its sides, records each view of other agencies in the ledger, and the chain verifies', async () => {
    const [k1, k2] = [containerNumber('DSCU'), containerNumber('DSCU')];
    const victimPhone = `+92345${randomInt(1000000, 9999999)}`;
    const day = '2018-04-12T06:30:00+05:00';
    const seizure = (agency: string) =>
      SeizureReportBuilder.bare(agency).withTlp('AMBER').withOccurredAt(day).build();
    const a = { ...seizure(A), conveyances: [{ kind: 'CONTAINER', containerNumber: k1 }] };
    const b = {
      ...seizure(B),
      conveyances: [
        { kind: 'CONTAINER', containerNumber: k1 },
        { kind: 'CONTAINER', containerNumber: k2 },
      ],
      persons: [{ role: 'VICTIM', phones: [victimPhone] }],
    };
    const c = { ...seizure(C), conveyances: [{ kind: 'CONTAINER', containerNumber: k2 }] };
    await publishReports(producer, [a, b, c]);

    const view = (key: string) =>
      eventually(
        async () => {
          const res = await callApi<CaseBody>(svc.baseUrl, 'GET', `/v1/cases/by-event/${c.eventId}`, key);
          expect(res.status).toBe(200);
          expect(res.body.links).toHaveLength(2);
          return res.body;
        },
        { ...WAIT, what: 'the case with both links' },
      );
    const asC = await view(keys.c);
    const linkAB = asC.links.find((l) => l.agencyCases.some((x) => x.startsWith(A)))!;
    // C is not a side of A–B: "a match exists", nothing of k1 (before: `container … in both` to every member).
    expect(JSON.stringify(asC)).not.toContain(k1);
    expect(linkAB.reasons.map((r) => r.feature)).toContain('CONTAINER');
    for (const r of linkAB.reasons) expect(r.detail).toBe(`${r.feature} matched (details withheld)`);
    // A side sees the value it holds.
    const asA = await view(keys.a);
    expect(
      JSON.stringify(asA.links.find((l) => l.agencyCases.some((x) => x.startsWith(A)))!.reasons),
    ).toContain(k1);
    expect(JSON.stringify(asA)).not.toContain(k2);

    // Each view of other agencies' data is in the ledger, values quoted, before the answer left.
    const viewsOfA = await ledger(A, 'CASE_VIEW');
    expect(viewsOfA.length).toBeGreaterThanOrEqual(1);
    const last = viewsOfA[viewsOfA.length - 1];
    expect(last.subject_id).toBe(asA.clusterId);
    expect(last.disclosed).toContain(k1);
    expect(last.disclosed).toContain(b.agencyCaseRef);
    expect((await ledger(C, 'CASE_VIEW')).map((r) => r.disclosed).join('')).not.toContain(k1);

    // A pre-check of A on B's victim's phone: a HIT; ROLE_ONLY shows roles and AMBER allows it, so
    // the answer says a protected person matched; it is in the ledger with the matched value.
    const answer = await eventually(
      async () => {
        const res = await callApi<{ checkId: string; result: string; hits: { protectedPerson?: true }[] }>(
          svc.baseUrl,
          'POST',
          '/v1/prechecks',
          keys.checker,
          {
            checkId: randomUUID(),
            crossingPoint: 'TORKHAM',
            persons: [{ role: 'DRIVER', phones: [victimPhone] }],
          },
        );
        expect(res.body.result).toBe('HIT');
        return res.body;
      },
      { ...WAIT, what: 'a pre-check HIT' },
    );
    expect(answer.hits).toEqual([expect.objectContaining({ protectedPerson: true })]);
    // Its entry was committed with the answer's audit row: pending, or already in the chain, once.
    expect(await pendingOrChained(answer.checkId)).toBe(1);
    const entry = await eventually(
      async () => {
        const found = (await ledger(A, 'PRECHECK_HIT')).find((r) => r.subject_id === answer.checkId);
        expect(found).toBeDefined();
        return found;
      },
      { ...WAIT, what: "the HIT's ledger entry in the chain" },
    );
    expect(await pendingOrChained(answer.checkId)).toBe(1);
    expect(entry?.disclosed).toContain('"protectedPerson"');
    expect(entry?.disclosed).toContain(victimPhone.slice(-7));

    const verdict = await verifies();
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.entries).toBeGreaterThanOrEqual(3);
  });

  it('appends, once, a pending entry that an instance committed and did not append (it died): the sweep finds it', async () => {
    const subjectId = randomUUID();
    const orphan = {
      recordedAt: new Date().toISOString(),
      recipient: { type: 'AGENCY', id: C },
      kind: 'PRECHECK_HIT',
      subjectId,
      channels: ['API'],
      disclosed: [
        { source: 'precheck-hit', id: randomUUID(), fields: [{ path: 'feature', value: 'CONTAINER' }] },
      ],
    };
    await ds.query(`INSERT INTO correlation.ledger_pending (entry) VALUES ($1)`, [JSON.stringify(orphan)]);
    await eventually(
      async () => expect((await ledger(C, 'PRECHECK_HIT')).map((r) => r.subject_id)).toContain(subjectId),
      { ...WAIT, what: 'the pending entry in the chain' },
    );
    expect(await pendingOrChained(subjectId)).toBe(1);
    expect(await verifies()).toMatchObject({ ok: true });
  });
});
