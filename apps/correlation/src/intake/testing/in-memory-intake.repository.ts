import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { caseIdentity, type CaseAmendment } from '../domain/case-amendments';
import type { IncomingRecord, IntakeRepository, IntakeTransaction } from '../intake.repository';

/**
 * IntakeRepository in memory (unit tests of the intake): a transaction's writes are kept only
 * when its work resolves, as a rollback would have it.
 */
export class InMemoryIntakeRepository implements IntakeRepository {
  applied = new Set<string>();
  cases = new Map<string, { id: string; reports: number }>();
  reports: { eventId: string; agencyCaseId: string }[] = [];
  transactions = 0;

  async transaction<T>(work: (tx: IntakeTransaction) => Promise<T>): Promise<T> {
    this.transactions++;
    const applied = new Set(this.applied);
    const cases = new Map([...this.cases].map(([k, c]) => [k, { ...c }]));
    const reports = [...this.reports];
    const tx: IntakeTransaction = {
      manager: {} as EntityManager,
      claimUnapplied: (records: readonly IncomingRecord[]) =>
        Promise.resolve(
          records.filter((r) => {
            if (applied.has(r.report.body.eventId)) return false;
            applied.add(r.report.body.eventId);
            return true;
          }),
        ),
      amendCases: (amendments: readonly CaseAmendment[]) => {
        const out = new Map<string, string>();
        for (const a of amendments) {
          const k = caseIdentity({ kind: a.kind, caseRef: a.caseRef, body: { agencyId: a.agencyId } });
          const c = cases.get(k) ?? { id: randomUUID(), reports: 0 };
          c.reports += a.reports;
          cases.set(k, c);
          out.set(k, c.id);
        }
        return Promise.resolve(out);
      },
      insertReports: (rows) => {
        for (const r of rows)
          reports.push({ eventId: r.record.report.body.eventId, agencyCaseId: r.agencyCaseId });
        return Promise.resolve();
      },
    };
    const result = await work(tx);
    this.applied = applied;
    this.cases = cases;
    this.reports = reports;
    return result;
  }
}
