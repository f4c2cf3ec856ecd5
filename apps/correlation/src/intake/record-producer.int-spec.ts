import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { dlqTopicOf, Topics } from '@app/contracts';
import { IdentityStore } from '@app/identity';
import {
  createKeys,
  reportRecord,
  SeizureReportBuilder,
  startService,
  stopAll,
  testKafka,
  TopicProbe,
  untilStored,
  type RunningService,
  connectedProducer,
} from '@app/testing';
import { ingestGatewayService } from '../../../ingest-gateway/src/ingest-gateway.service-definition';
import type { CorrelationEnv } from '../correlation.env';
import { correlationService } from '../correlation.service-definition';

// Issue 16.2: records bound to their producer (docs/security.md#records-bound-to-their-producer).
// Before the wiring, every record below the first was stored as the agency it claimed.
describe('report records bound to their producer (real Kafka and PostgreSQL)', () => {
  let correlation: RunningService<CorrelationEnv>;
  let gateway: RunningService<never>;
  let ds: DataSource;
  let producer: Producer;
  let dlq: TopicProbe;
  let keys: Record<'anf' | 'cnpa' | 'revoked' | 'liaison', string>;
  const kafka = testKafka('record-producer-int');

  beforeAll(async () => {
    correlation = await startService(correlationService, { env: { RECORD_SIGNATURES: 'required' } });
    gateway = (await startService(ingestGatewayService, {
      env: { INGEST_RELAY_POLL_MS: '50' },
    })) as RunningService<never>;
    ds = correlation.app.get(DataSource);
    keys = await createKeys(correlation.app, {
      anf: ['publisher', 'PK-ANF'],
      cnpa: ['publisher', 'AF-CNPA'],
      revoked: ['publisher', 'PK-ANF'],
      liaison: ['liaison', 'PK-ANF'],
    });
    await correlation.app.get(IdentityStore).revokeKey(keys.revoked.split('_')[1]);
    producer = await connectedProducer(kafka);
    dlq = await TopicProbe.start(kafka, dlqTopicOf(Topics.SeizureReported));
  });

  afterAll(() => stopAll(dlq, producer, gateway, correlation));

  const seizure = (agencyId: string) => SeizureReportBuilder.valid().withAgency(agencyId).build();

  async function send(report: object, signWith?: string, alter?: (value: string) => string): Promise<void> {
    const { topic, message } = reportRecord(report, undefined, signWith);
    if (alter) message.value = alter(String(message.value));
    await producer.send({ topic, acks: -1, messages: [message] });
  }

  /** The reason correlation dead-lettered the record with. */
  async function refusal(eventId: string): Promise<string> {
    const [dead] = await dlq.waitFor(
      (r) =>
        r.headers['event-id'] === eventId && r.headers['dlq-consumer-group'] === correlation.consumerGroup,
    );
    return dead.headers['dlq-reason'];
  }

  async function stored(eventId: string): Promise<number> {
    const rows: unknown[] = await ds.query('SELECT 1 FROM correlation.report WHERE event_id = $1', [eventId]);
    return rows.length;
  }

  it("refuses a record one agency signed claiming another agency's name, and stores nothing of it", async () => {
    const forged = seizure('AF-CNPA');
    await send(forged, keys.anf);
    const genuine = seizure('PK-ANF');
    await send(genuine, keys.anf);
    await untilStored(ds, 'correlation.report', [genuine.eventId]);
    expect(await refusal(forged.eventId)).toMatch(
      /^refused: record claims agency AF-CNPA but is signed by a key of PK-ANF/,
    );
    expect(await stored(forged.eventId)).toBe(0);
    const cases: unknown[] = await ds.query(
      'SELECT 1 FROM correlation.agency_case WHERE agency_id = $1 AND case_ref = $2',
      ['AF-CNPA', forged.agencyCaseRef],
    );
    expect(cases).toHaveLength(0);
  });

  it('refuses unsigned, altered, revoked-key and non-publisher records, each with its reason', async () => {
    const unsigned = seizure('PK-ANF');
    await send(unsigned);
    const altered = seizure('PK-ANF');
    await send(altered, keys.anf, (v) => `${v} `);
    const revoked = seizure('PK-ANF');
    await send(revoked, keys.revoked);
    const liaison = seizure('PK-ANF');
    await send(liaison, keys.liaison);
    expect(await refusal(unsigned.eventId)).toMatch(/^refused: unsigned record/);
    expect(await refusal(altered.eventId)).toMatch(/^refused: producer-mac does not match the record/);
    expect(await refusal(revoked.eventId)).toMatch(/^refused: producer key [0-9a-f]{16} is revoked/);
    expect(await refusal(liaison.eventId)).toMatch(/only publisher keys may produce reports/);
    for (const r of [unsigned, altered, revoked, liaison]) expect(await stored(r.eventId)).toBe(0);
  });

  it("stores a record signed by its own agency's key", async () => {
    const report = seizure('AF-CNPA');
    await send(report, keys.cnpa);
    await untilStored(ds, 'correlation.report', [report.eventId]);
  });

  it('stores a report submitted through the ingest gateway (signed with the key that submitted it)', async () => {
    const report = seizure('PK-ANF');
    const res = await fetch(`${gateway.baseUrl}/v1/seizures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.anf}`, 'content-type': 'application/json' },
      body: JSON.stringify(report),
    });
    expect(res.status).toBe(202);
    await untilStored(ds, 'correlation.report', [report.eventId]);
  });
});
