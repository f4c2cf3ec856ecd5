import type { EntityManager } from 'typeorm';
import { Topics } from '@app/contracts';
import { SeizureReportBuilder } from '@app/testing';
import { incomingSeizure, type IncomingReport } from './incoming-report';
import type { IncomingRecord } from './intake.repository';
import { ReportIntakeService, ReportStoredHandler, type StoredReport } from './report-intake.service';
import { InMemoryIntakeRepository } from './testing/in-memory-intake.repository';

class RecordingHandler extends ReportStoredHandler {
  prepared: string[] = [];
  stored: StoredReport[][] = [];
  poison = new Set<string>();
  override prepare(reports: readonly IncomingReport[]): void {
    this.prepared.push(...reports.map((r) => r.body.eventId));
  }
  onStored(_tx: EntityManager, stored: StoredReport[]): Promise<void> {
    if (stored.some((s) => this.poison.has(s.report.body.eventId)))
      return Promise.reject(new Error('poisoned'));
    this.stored.push(stored);
    return Promise.resolve();
  }
}

let offset = 0;
const record = (caseRef?: string): IncomingRecord => {
  const body = SeizureReportBuilder.valid().withCaseRef(caseRef).build();
  return {
    report: incomingSeizure(body),
    meta: {
      topic: Topics.SeizureReported,
      partition: 0,
      offset: String(offset++),
      key: null,
      headers: {},
      eventId: body.eventId,
      timestamp: '0',
    },
  };
};

describe(ReportIntakeService.name, () => {
  function setup() {
    const repo = new InMemoryIntakeRepository();
    const handler = new RecordingHandler();
    const intake = new ReportIntakeService(repo, handler, { CORRELATION_BATCH_SIZE: 500 });
    return { repo, handler, intake };
  }

  it('stores each new report under its agency case and hands them to the handler in record order', async () => {
    const { repo, handler, intake } = setup();
    const [a1, b, a2] = [record('A'), record('B'), record('A')];
    await expect(intake.applyBatch([a1, b, a2])).resolves.toBe(3);
    expect(handler.prepared).toEqual([a1, b, a2].map((r) => r.report.body.eventId));
    expect(handler.stored).toHaveLength(1);
    const [stored] = handler.stored;
    expect(stored.map((s) => s.report)).toEqual([a1.report, b.report, a2.report]);
    expect(stored[0].agencyCaseId).toBe(stored[2].agencyCaseId);
    expect(stored[0].agencyCaseId).not.toBe(stored[1].agencyCaseId);
    expect([...repo.cases.values()].map((c) => c.reports).sort()).toEqual([1, 2]);
  });

  it('changes nothing for a redelivered record, and counts only the new ones', async () => {
    const { repo, handler, intake } = setup();
    const [first, second] = [record(), record()];
    await intake.applyBatch([first]);
    await expect(intake.applyBatch([first, second, { ...second }])).resolves.toBe(1);
    expect(repo.reports.map((r) => r.eventId)).toEqual([first, second].map((r) => r.report.body.eventId));
    expect(handler.stored.map((s) => s.length)).toEqual([1, 1]);
    await expect(intake.applyBatch([first])).resolves.toBe(0);
    expect(handler.stored).toHaveLength(2);
  });

  it('applies batches that wait together in one transaction; a batch that cannot be applied fails alone', async () => {
    const { repo, handler, intake } = setup();
    const [ok1, poisoned, ok2] = [[record()], [record(), record()], [record()]];
    handler.poison.add(poisoned[1].report.body.eventId);
    const results = await Promise.allSettled([ok1, poisoned, ok2].map((b) => intake.applyBatch(b)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(repo.reports.map((r) => r.eventId).sort()).toEqual(
      [ok1[0], ok2[0]].map((r) => r.report.body.eventId).sort(),
    );
    expect(repo.applied.has(poisoned[0].report.body.eventId)).toBe(false);
  });
});
