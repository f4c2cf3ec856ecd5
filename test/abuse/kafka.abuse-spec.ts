// The abuse tier, record side (docs/testing.md#abuse-tier): hostile records on the report topics
// (junk bytes, random JSON, huge values, missing or contradicting headers, valid reports with
// hostile values planted in them) against correlation, running in this process on the real
// broker and database. Every record must end up either stored or dead-lettered with a reason;
// one the contract's validator accepts must be stored (never accepted, then lost); the consumer
// keeps going (a valid report sent after them all is stored). Correlation runs with
// RECORD_SIGNATURES=required: reports are signed with a publisher key of their agency, of another
// agency (impersonation) or not at all; only the first kind may be stored
// (docs/security.md#records-bound-to-their-producer).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Message, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Topics, dlqTopicOf, validateReport } from '@app/contracts';
import { producerHeaders } from '@app/identity';
import {
  createKeys,
  RouteReportBuilder,
  SeizureReportBuilder,
  TopicProbe,
  eventMessage,
  eventually,
  reportRecord,
  startService,
  stopAll,
  testKafka,
  untilStored,
  type RunningService,
} from '@app/testing';
import { correlationService } from '../../apps/correlation/src/correlation.service-definition';

const planted = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '2026-01-01T00:00:00+23:59',
    '9999-12-31T23:59:59.999Z',
    '\u0000',
    '\ud800',
    'Р1234567',
    1e308,
    -1,
    '',
  ),
);

/** How a report record is signed: by its own agency's publisher key, another agency's, or not at all. */
type Signing = 'own' | 'other' | 'none';
const signing = fc.constantFrom<Signing>('own', 'own', 'own', 'other', 'none');

/** One hostile record for a report topic, and the event id a stored copy would have (if any). */
interface Hostile {
  topic: string;
  message: Message;
  eventId?: string;
  what: string;
  /** For a report: how it is signed when sent (agencyId says whose key is its own). */
  sign?: { as: Signing; agencyId: string };
}

/** Publisher keys of every seeded agency, made in beforeAll. */
const AGENCIES = ['AF-CNPA', 'AF-ABP', 'AF-ACD', 'PK-ANF', 'PK-FIA', 'PK-CUS'] as const;
let publisherKeys: Record<string, string> = {};

/** The record as sent: signed as its `sign` says (after the headers were tampered with). */
function signed(r: Hostile): Message {
  if (!r.sign || r.sign.as === 'none') return r.message;
  const agency = r.sign.as === 'own' ? r.sign.agencyId : AGENCIES.find((a) => a !== r.sign!.agencyId)!;
  const key = r.message.key === null || r.message.key === undefined ? null : String(r.message.key);
  const value = r.message.value === null || r.message.value === undefined ? null : String(r.message.value);
  return {
    ...r.message,
    headers: { ...r.message.headers, ...producerHeaders(publisherKeys[agency], r.topic, key, value) },
  };
}

const hostileRecord: fc.Arbitrary<Hostile> = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({
    topic: Topics.SeizureReported,
    message: { key: 'junk', value: Buffer.from(bytes), headers: {} },
    what: 'junk bytes',
  })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({
    topic: Topics.RouteReported,
    message: eventMessage('RouteReported', randomUUID(), 'json', JSON.stringify(v)),
    what: 'random JSON',
  })),
  fc
    .constantFrom(
      { value: '['.repeat(200_000), what: '200000 nested [' },
      { value: JSON.stringify({ narrative: 'x'.repeat(900_000) }), what: '900 KB value' },
      { value: null, what: 'null value (tombstone)' },
    )
    .map(({ value, what }) => ({
      topic: Topics.SeizureReported,
      message: { key: 'k', value, headers: { 'event-id': randomUUID(), 'event-type': 'SeizureReported' } },
      what,
    })),
  fc
    .record({
      path: fc.nat(),
      value: planted,
      route: fc.boolean(),
      header: fc.constantFrom('keep', 'drop', 'other-id'),
      as: signing,
    })
    .map(({ path, value, route, header, as }) => {
      const report: Record<string, unknown> = (route
        ? RouteReportBuilder.valid().build()
        : SeizureReportBuilder.valid()
            .withCaseRef()
            .withPlate(`KAFKA ${randomUUID().slice(0, 5)}`)
            .build()) as unknown as Record<string, unknown>;
      const keys = Object.keys(report).filter((k) => k !== 'eventId' && k !== 'agencyId');
      report[keys[path % keys.length]] = value;
      const { topic, message } = reportRecord(report);
      if (header === 'drop') message.headers = {};
      if (header === 'other-id') message.headers = { ...message.headers, 'event-id': randomUUID() };
      return {
        topic,
        message,
        eventId: report.eventId as string,
        what: `valid report with ${keys[path % keys.length]} planted (${header} headers, signed: ${as})`,
        sign: { as, agencyId: report.agencyId as string },
      };
    }),
  // Valid reports whose free text carries hostile strings (bidi controls, lookalikes, markup, huge
  // numbers as text): the contract accepts most of them, and those must be stored.
  fc
    .record({
      text: fc.oneof(
        fc.string({ maxLength: 200 }),
        planted.map((v) => JSON.stringify(v)),
      ),
      route: fc.boolean(),
      as: signing,
    })
    .map(({ text, route, as }) => {
      const report = (route
        ? RouteReportBuilder.valid().build()
        : SeizureReportBuilder.valid()
            .withCaseRef()
            .withPlate(`TEXT ${randomUUID().slice(0, 5)}`)
            .build()) as unknown as Record<string, unknown>;
      report.narrative = `${text}\u202e<script>alert(1)</script>`;
      const { topic, message } = reportRecord(report);
      return {
        topic,
        message,
        eventId: report.eventId as string,
        what: `valid report with hostile narrative (signed: ${as})`,
        sign: { as, agencyId: report.agencyId as string },
      };
    }),
);

describe('abuse tier: hostile records on the report topics', () => {
  let correlation: RunningService<never>;
  let producer: Producer;
  let dlqSeizure: TopicProbe;
  let dlqRoute: TopicProbe;
  let db: DataSource;

  beforeAll(async () => {
    const kafka = testKafka('abuse');
    dlqSeizure = await TopicProbe.start(kafka, dlqTopicOf(Topics.SeizureReported));
    dlqRoute = await TopicProbe.start(kafka, dlqTopicOf(Topics.RouteReported));
    correlation = (await startService(correlationService, {
      env: { RECORD_SIGNATURES: 'required' },
    })) as RunningService<never>;
    db = correlation.app.get(DataSource);
    publisherKeys = await createKeys(
      correlation.app,
      Object.fromEntries(AGENCIES.map((a) => [a, ['publisher', a] as const])),
    );
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(() => stopAll(producer, correlation, dlqRoute, dlqSeizure));

  it('stores or dead-letters every record, stores every one the contract accepts, and keeps consuming', async () => {
    const records = fc.sample(hostileRecord, { numRuns: Number(process.env.ABUSE_RUNS ?? 40), seed: 168 });
    const sent: (Hostile & { partition: number; offset: string })[] = [];
    for (const r of records) {
      const [meta] = await producer.send({ topic: r.topic, acks: -1, messages: [signed(r)] });
      sent.push({ ...r, partition: meta.partition, offset: meta.baseOffset ?? '' });
    }
    const sentinel = SeizureReportBuilder.valid()
      .withCaseRef()
      .withPlate(`SENTINEL ${randomUUID().slice(0, 5)}`)
      .build();
    const { topic, message } = reportRecord(sentinel, undefined, publisherKeys[sentinel.agencyId]);
    await producer.send({ topic, acks: -1, messages: [message] });
    await untilStored(db, 'correlation.report', [sentinel.eventId], { timeoutMs: 60_000 });

    const accepted = sent.filter((r) => {
      if (!r.eventId || r.message.headers?.['event-id'] !== r.eventId || r.sign?.as !== 'own') return false;
      const plain = JSON.parse(String(r.message.value)) as unknown;
      const v =
        r.topic === Topics.RouteReported ? validateReport('route', plain) : validateReport('seizure', plain);
      return v.ok;
    });
    await eventually(
      async () => {
        const rows = await db.query<{ event_id: string }[]>(
          'SELECT event_id FROM correlation.report WHERE event_id = ANY($1)',
          [accepted.map((r) => r.eventId)],
        );
        const found = new Set(rows.map((r) => r.event_id));
        const lost = accepted.filter((r) => !found.has(r.eventId!));
        expect(lost.map((r) => `${r.what}: ${String(r.message.value).slice(0, 300)}`)).toEqual([]);
      },
      { timeoutMs: 30_000, what: 'every record the contract accepts stored' },
    );

    let stored = new Set<string>();
    const deadLettered = (r: Hostile & { partition: number; offset: string }) =>
      [...dlqSeizure.records, ...dlqRoute.records].some(
        (d) =>
          d.headers['dlq-source-topic'] === r.topic &&
          d.headers['dlq-source-partition'] === String(r.partition) &&
          d.headers['dlq-source-offset'] === r.offset &&
          (d.headers['dlq-reason'] ?? '') !== '',
      );
    // Records on other partitions than the sentinel's may still be on their way to the DLQ.
    await eventually(
      async () => {
        const rows = await db.query<{ event_id: string }[]>(
          'SELECT event_id FROM correlation.report WHERE event_id = ANY($1)',
          [sent.flatMap((r) => (r.eventId ? [r.eventId] : []))],
        );
        stored = new Set(rows.map((r) => r.event_id));
        const forged = sent.filter((r) => r.sign && r.sign.as !== 'own' && stored.has(r.eventId!));
        expect(forged.map((r) => r.what)).toEqual([]);
        const unaccounted = sent.filter((r) => !(r.eventId && stored.has(r.eventId)) && !deadLettered(r));
        expect(unaccounted.map((r) => `${r.what} at ${r.topic}/${r.partition}/${r.offset}`)).toEqual([]);
      },
      { timeoutMs: 30_000, what: 'every hostile record stored or dead-lettered' },
    );
    process.stdout.write(
      `abuse tier: ${sent.length} hostile records: ${stored.size} stored (${accepted.length} the contract accepts), ` +
        `${sent.length - stored.size} dead-lettered with a reason; the consumer kept going\n`,
    );
  });
});
