import type { OwnerCaseState } from '../domain/hit-disclosure';
import type { PrecheckResponse } from '../dto/precheck-response';
import type { LedgerEntryData } from '@app/ledger';
import type {
  AuditLedgerRow,
  AuditOutboxRecord,
  AuditStatementRow,
  PrecheckFeatureRow,
  PrecheckRepository,
} from '../precheck.repository';

/** PrecheckRepository in memory (unit tests of the pre-check's decisions). */
export class InMemoryPrecheckRepository implements PrecheckRepository {
  owners = new Map<string, OwnerCaseState>();
  features: PrecheckFeatureRow[] = [];
  audits = new Map<string, AuditStatementRow>();
  outbox: AuditOutboxRecord[] = [];
  /** Ledger entries committed with their audit rows, not yet appended to a chain. */
  ledgerPending: LedgerEntryData[] = [];
  wakeUps = 0;

  previousResponse(agencyId: string, checkId: string): Promise<PrecheckResponse> {
    return Promise.resolve(
      this.audits.get(`${agencyId}\t${checkId.toLowerCase()}`)!.response as PrecheckResponse,
    );
  }

  ownerStates(caseKeys: readonly string[]): Promise<Map<string, OwnerCaseState>> {
    const out = new Map<string, OwnerCaseState>();
    for (const k of caseKeys) {
      const state = this.owners.get(k);
      if (state) out.set(k, state);
    }
    return Promise.resolve(out);
  }

  featuresAfter(afterId: number, limit: number): Promise<PrecheckFeatureRow[]> {
    return Promise.resolve(this.features.filter((f) => Number(f.id) > afterId).slice(0, limit));
  }

  featuresByIds(ids: readonly number[]): Promise<PrecheckFeatureRow[]> {
    return Promise.resolve(this.features.filter((f) => ids.includes(Number(f.id))));
  }

  writeAudits(
    rows: readonly AuditStatementRow[],
    records: readonly AuditOutboxRecord[],
    ledger: readonly AuditLedgerRow[],
    notify: boolean,
  ): Promise<{ agencyId: string; checkId: string }[]> {
    const written: { agencyId: string; checkId: string }[] = [];
    for (const r of rows) {
      const key = `${r.agency_id}\t${r.check_id.toLowerCase()}`;
      if (this.audits.has(key)) continue;
      this.audits.set(key, r);
      written.push({ agencyId: r.agency_id, checkId: r.check_id.toLowerCase() });
      const ofThisCheck = <T extends { agency_id: string; check_id: string }>(x: T) =>
        x.agency_id === r.agency_id && x.check_id === r.check_id;
      this.outbox.push(...records.filter(ofThisCheck));
      this.ledgerPending.push(...ledger.filter(ofThisCheck).map((l) => l.entry));
    }
    if (notify) this.wakeUps++;
    return Promise.resolve(written);
  }

  wakeRelay(): Promise<void> {
    this.wakeUps++;
    return Promise.resolve();
  }
}
