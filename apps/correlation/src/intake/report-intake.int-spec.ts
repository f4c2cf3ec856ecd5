import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { Topics, dlqTopicOf } from '@app/contracts';
import {
  eventually,
  RouteReportBuilder,
  SeizureReportBuilder,
  startService,
  stopAll,
  testKafka,
  TopicProbe,
  untilStored,
  type RunningService,
  connectedProducer,
} from '@app/testing';
import type { Producer } from 'kafkajs';
import { correlationService } from '../correlation.service-definition';
import type { CorrelationEnv } from '../correlation.env';
import { incomingSeizure } from './incoming-report';
import { ReportIntakeService, ReportStoredHandler, type StoredReport } from './report-intake.service';

/** Fault injection at the port after storage: fails as told, inside the transaction. */
class FaultyStoredHandler extends ReportStoredHandler {
  calls = new Map<string, number>();
  failures = new Map<string, { times: number; error: () => Error }>();
  prepared = new Set<string>();
  inTransaction = 0;
  mostInTransaction = 0;
  transactions = 0;
  holdMs = 0;

  override prepare(reports: readonly { body: { eventId: string } }[]): void {
    for (const r of reports) this.prepared.add(r.body.eventId);
  }

  async onStored(_m: EntityManager, stored: StoredReport[]): Promise<void> {
    this.transactions++;
    this.inTransaction++;
    this.mostInTransaction = Math.max(this.mostInTransaction, this.inTransaction);
    try {
      if (this.holdMs > 0) await new Promise((r) => setTimeout(r, this.holdMs));
      this.record(stored);
    } finally {
      this.inTransaction--;
    }
  }

  private record(stored: StoredReport[]): void {
    for (const { report } of stored) {
      const id = report.body.eventId;
      const n = (this.calls.get(id) ?? 0) + 1;
      this.calls.set(id, n);
      const f = this.failures.get(id);
      if (f && n <= f.times) throw f.error();
    }
  }
}

function transientError(): Error {
  return Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
}

describe('Correlation intake round trip (real Kafka and PostgreSQL)', () => {
  let svc: RunningService<CorrelationEnv>;
  let ds: DataSource;
  let producer: Producer;
  let dlq: TopicProbe;
  const faults = new FaultyStoredHandler();
  const kafka = testKafka('intake-int');

  beforeAll(async () => {
    svc = await startService(correlationService, {
      override: (b) => b.overrideProvider(ReportStoredHandler).useValue(faults),
    });
    ds = svc.app.get(DataSource);
    producer = await connectedProducer(kafka);
    dlq = await TopicProbe.start(kafka, dlqTopicOf(Topics.SeizureReported));
  });

  let stopped = false;
  afterAll(() => stopAll(dlq, producer, stopped ? undefined : svc));

  async function publish(
    topic: string,
    reportDto: object,
    opts: { key?: string; eventIdHeader?: string } = {},
  ) {
    const report = reportDto as Record<string, unknown>;
    const key = opts.key ?? `${String(report.agencyId)}:${String(report.agencyCaseRef ?? report.routeRef)}`;
    const [meta] = await producer.send({
      topic,
      acks: -1,
      messages: [
        {
          key,
          value: JSON.stringify(report),
          headers: {
            'event-id': opts.eventIdHeader ?? String(report.eventId),
            'event-type': topic === Topics.SeizureReported ? 'SeizureReported' : 'RouteReported',
            'schema-version': '1',
          },
        },
      ],
    });
    return { partition: meta.partition, offset: meta.baseOffset! };
  }

  async function reportRow(eventId: string): Promise<Record<string, unknown>> {
    const [row] = await ds.query<Record<string, unknown>[]>(
      'SELECT * FROM correlation.report WHERE event_id = $1',
      [eventId],
    );
    return row;
  }

  async function committedOffset(topic: string, partition: number): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [t] = await admin.fetchOffsets({ groupId: svc.consumerGroup!, topics: [topic] });
      return Number(t.partitions.find((p) => p.partition === partition)!.offset);
    } finally {
      await admin.disconnect();
    }
  }

  it('consumes a keyed record with headers, validates it, stores it in one transaction, then commits its offset', async () => {
    const report = SeizureReportBuilder.valid().withCaseRef().build();
    const { partition, offset } = await publish(Topics.SeizureReported, report);
    await untilStored(ds, 'correlation.report', [report.eventId]);
    const row = await reportRow(report.eventId);
    expect(row).toMatchObject({
      kind: 'seizure',
      agency_id: 'PK-ANF',
      case_ref: report.agencyCaseRef,
      partition,
    });
    expect(String(row.offset)).toBe(offset);
    const committed = await eventually(
      async () => {
        const c = await committedOffset(Topics.SeizureReported, partition);
        expect(c).toBeGreaterThan(Number(offset));
        return c;
      },
      { timeoutMs: 30000, intervalMs: 200, what: `offset ${offset} of partition ${partition} committed` },
    );
    expect(committed).toBeGreaterThanOrEqual(Number(offset) + 1);
  });

  it('stores route reports under their routeRef', async () => {
    const route = RouteReportBuilder.valid().build();
    await publish(Topics.RouteReported, route);
    await untilStored(ds, 'correlation.report', [route.eventId]);
    const row = await reportRow(route.eventId);
    expect(row).toMatchObject({ kind: 'route', case_ref: route.routeRef });
  });

  it('sends an invalid record to the DLQ with its reason and keeps the partition flowing', async () => {
    const caseRef = `DLQ-${randomUUID().slice(0, 8)}`;
    const bad = SeizureReportBuilder.valid()
      .withCaseRef(caseRef)
      .without('location')
      .with('commodities[0].quantity', -3)
      .build();
    const good = SeizureReportBuilder.valid().withCaseRef(caseRef).build();
    const key = `PK-ANF:${caseRef}`;
    const badAt = await publish(Topics.SeizureReported, bad, { key });
    const notJson = await producer.send({
      topic: Topics.SeizureReported,
      messages: [
        {
          key,
          value: '{not json',
          headers: { 'event-id': randomUUID(), 'event-type': 'SeizureReported', 'schema-version': '1' },
        },
      ],
    });
    await publish(Topics.SeizureReported, good, { key });

    await untilStored(ds, 'correlation.report', [String(good.eventId)]);
    const [dead] = await dlq.waitFor((r) => r.headers['event-id'] === bad.eventId);
    expect(dead.key).toBe(key);
    expect(JSON.parse(dead.value)).toEqual(bad);
    expect(dead.headers).toMatchObject({
      'dlq-source-topic': Topics.SeizureReported,
      'dlq-source-partition': String(badAt.partition),
      'dlq-source-offset': badAt.offset,
      'dlq-consumer-group': svc.consumerGroup,
    });
    expect(dead.headers['dlq-reason']).toContain('location');
    expect(dead.headers['dlq-reason']).toContain('commodities[0].quantity');
    const [garbled] = await dlq.waitFor(
      (r) => r.offset !== undefined && r.headers['dlq-source-offset'] === notJson[0].baseOffset,
    );
    expect(garbled.headers['dlq-reason']).toMatch(/not valid JSON/);
    const stored: unknown[] = await ds.query('SELECT 1 FROM correlation.report WHERE event_id = $1', [
      bad.eventId,
    ]);
    expect(stored).toHaveLength(0);
  });

  it('applies records in batches: one that fails for good is dead-lettered alone, the rest are stored once', async () => {
    const caseRef = `BATCH-${randomUUID().slice(0, 8)}`;
    const [first, poison, last] = [1, 2, 3].map(() =>
      SeizureReportBuilder.valid().withCaseRef(caseRef).build(),
    );
    faults.failures.set(String(poison.eventId), {
      times: 99,
      error: () => new TypeError('poisoned report'),
    });
    const key = `PK-ANF:${caseRef}`;
    const message = (r: object) => ({
      key,
      value: JSON.stringify(r),
      headers: {
        'event-id': String((r as { eventId: string }).eventId),
        'event-type': 'SeizureReported',
        'schema-version': '1',
      },
    });
    // One produce request: the consumer fetches these as one batch (and a duplicate in it).
    await producer.send({
      topic: Topics.SeizureReported,
      acks: -1,
      messages: [message(first), message(poison), message(last), message(first)],
    });
    await untilStored(ds, 'correlation.report', [String(last.eventId)]);
    await untilStored(ds, 'correlation.report', [String(first.eventId)]);
    const [dead] = await dlq.waitFor((r) => r.headers['event-id'] === poison.eventId);
    expect(dead.headers['dlq-reason']).toMatch(/processing failed: poisoned report/);
    const poisoned: unknown[] = await ds.query('SELECT 1 FROM correlation.report WHERE event_id = $1', [
      poison.eventId,
    ]);
    expect(poisoned).toHaveLength(0);
    const [c] = await ds.query<{ report_count: number }[]>(
      'SELECT report_count FROM correlation.agency_case WHERE agency_id = $1 AND case_ref = $2',
      ['PK-ANF', caseRef],
    );
    expect(c.report_count).toBe(2);
  });

  const directBatch = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const body = SeizureReportBuilder.valid().withCaseRef().build();
      return {
        report: incomingSeizure(body),
        meta: {
          topic: Topics.SeizureReported,
          partition: 0,
          offset: String(1_000_000 + i),
          key: null,
          headers: {},
          eventId: body.eventId,
          timestamp: String(Date.now()),
        },
      };
    });

  async function storedCount(ids: string[]): Promise<number> {
    const [{ n }] = await ds.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM correlation.report WHERE event_id = ANY($1::uuid[])',
      [ids],
    );
    return Number(n);
  }

  it('prepares concurrent batches at once, runs one transaction at a time, and applies those that waited together', async () => {
    const intake = svc.app.get(ReportIntakeService);
    const [first, second, third] = [directBatch(3), directBatch(2), directBatch(1)];
    faults.holdMs = 100;
    faults.mostInTransaction = 0;
    const transactionsBefore = faults.transactions;
    try {
      // The first starts its transaction (at the next turn of the event loop); the others
      // arrive while it runs.
      const applying = [intake.applyBatch(first)];
      await new Promise((r) => setImmediate(r));
      applying.push(intake.applyBatch(second), intake.applyBatch(third));
      // All three were handed to prepare before any transaction finished.
      for (const b of [first, second, third])
        for (const r of b) expect(faults.prepared.has(r.report.body.eventId)).toBe(true);
      await expect(Promise.all(applying)).resolves.toEqual([3, 2, 1]);
    } finally {
      faults.holdMs = 0;
    }
    expect(faults.mostInTransaction).toBe(1);
    // The first went alone; the two that waited for it shared the next transaction.
    expect(faults.transactions - transactionsBefore).toBe(2);
    expect(await storedCount([...first, ...second, ...third].map((r) => r.report.body.eventId))).toBe(6);
  });

  it('retries a failed group batch by batch: the batch that cannot be applied fails alone, the others are stored', async () => {
    const intake = svc.app.get(ReportIntakeService);
    const [first, poisoned, healthy] = [directBatch(1), directBatch(2), directBatch(2)];
    const poison = poisoned[1].report.body.eventId;
    // Fails in the group's transaction and again alone: a record that cannot be processed.
    faults.failures.set(poison, { times: 2, error: () => new Error('not a transient fault') });
    faults.holdMs = 100;
    try {
      const applying = [first, poisoned, healthy].map((b) => intake.applyBatch(b));
      const [a, p, h] = await Promise.allSettled(applying);
      expect(a).toEqual({ status: 'fulfilled', value: 1 });
      expect(p.status).toBe('rejected');
      expect(h).toEqual({ status: 'fulfilled', value: 2 });
    } finally {
      faults.holdMs = 0;
      faults.failures.delete(poison);
    }
    expect(await storedCount(poisoned.map((r) => r.report.body.eventId))).toBe(0);
    expect(await storedCount([...first, ...healthy].map((r) => r.report.body.eventId))).toBe(3);
  });

  it('applies a redelivered record (same event-id) only once', async () => {
    const report = SeizureReportBuilder.valid().withCaseRef().build();
    await publish(Topics.SeizureReported, report);
    await publish(Topics.SeizureReported, report);
    const marker = SeizureReportBuilder.valid().withCaseRef(String(report.agencyCaseRef)).build();
    await publish(Topics.SeizureReported, marker);
    await untilStored(ds, 'correlation.report', [String(marker.eventId)]);
    const rows: unknown[] = await ds.query('SELECT 1 FROM correlation.report WHERE event_id = $1', [
      report.eventId,
    ]);
    expect(rows).toHaveLength(1);
    const [agencyCase] = await ds.query<{ report_count: number }[]>(
      'SELECT report_count FROM correlation.agency_case WHERE agency_id = $1 AND case_ref = $2',
      ['PK-ANF', report.agencyCaseRef],
    );
    // the duplicate did not amend the case a second time; the marker did
    expect(agencyCase.report_count).toBe(2);
    expect(faults.calls.get(String(report.eventId))).toBe(1);
  });

  it('retries a transient failure in place instead of dropping the record, and leaves no half-write', async () => {
    const report = SeizureReportBuilder.valid().withCaseRef().build();
    faults.failures.set(String(report.eventId), { times: 2, error: transientError });
    await publish(Topics.SeizureReported, report);
    await untilStored(ds, 'correlation.report', [String(report.eventId)]);
    expect(faults.calls.get(String(report.eventId))).toBe(3);
    const [c] = await ds.query<{ report_count: number }[]>(
      'SELECT report_count FROM correlation.agency_case WHERE agency_id = $1 AND case_ref = $2',
      ['PK-ANF', report.agencyCaseRef],
    );
    expect(c.report_count).toBe(1);
  });

  it('dead-letters a record whose processing fails for good (not transient)', async () => {
    const report = SeizureReportBuilder.valid().withCaseRef().build();
    faults.failures.set(String(report.eventId), {
      times: 99,
      error: () => new TypeError('cannot read properties of undefined'),
    });
    await publish(Topics.SeizureReported, report);
    const [dead] = await dlq.waitFor((r) => r.headers['event-id'] === report.eventId);
    expect(dead.headers['dlq-reason']).toMatch(/processing failed: cannot read properties/);
    const rows: unknown[] = await ds.query('SELECT 1 FROM correlation.report WHERE event_id = $1', [
      report.eventId,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('on shutdown finishes in-flight work, commits its offsets and leaves the group', async () => {
    const report = SeizureReportBuilder.valid().withCaseRef().build();
    const { partition, offset } = await publish(Topics.SeizureReported, report);
    await untilStored(ds, 'correlation.report', [String(report.eventId)]);
    await svc.stop();
    stopped = true;
    expect(await committedOffset(Topics.SeizureReported, partition)).toBeGreaterThan(Number(offset));
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([svc.consumerGroup!]);
      expect(groups[0].members).toHaveLength(0);
      expect(groups[0].state).toBe('Empty');
    } finally {
      await admin.disconnect();
    }
    expect(ds.isInitialized).toBe(false);
  });
});
