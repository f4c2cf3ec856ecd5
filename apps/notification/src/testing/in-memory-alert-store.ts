import type { LedgerEntryData } from '@app/ledger';
import type { AppliedRecord } from '@app/persistence';
import type {
  AlertStore,
  AlertToStore,
  AlertTransaction,
  CreatedDelivery,
  StoredAlert,
} from '../alerts/alert-store.repository';
import type { RequestSource } from '../requests/requests.repository';

/**
 * The AlertStore in memory: records applied once per consumer, alerts once per id, numbered per
 * agency, ledger entries, request sources. A transaction's writes land only if it succeeds.
 */
export class InMemoryAlertStore implements AlertStore {
  readonly applied = new Set<string>();
  readonly alerts: StoredAlert<AlertToStore>[] = [];
  readonly ledger: LedgerEntryData[] = [];
  readonly requestSources: RequestSource[] = [];
  private readonly seq = new Map<string, number>();

  async applyBatchOnce<R>(
    consumer: string,
    records: readonly R[],
    describe: (r: R) => AppliedRecord,
    effects: (fresh: R[], tx: AlertTransaction) => Promise<number>,
  ): Promise<number> {
    const fresh = records.filter((r) => !this.applied.has(`${consumer}/${describe(r).eventId}`));
    if (fresh.length === 0) return 0;
    const result = await this.transaction((tx) => effects(fresh, tx));
    for (const r of fresh) this.applied.add(`${consumer}/${describe(r).eventId}`);
    return result;
  }

  async applyOnce(
    consumer: string,
    record: AppliedRecord,
    effects: (tx: AlertTransaction) => Promise<boolean>,
  ) {
    const key = `${consumer}/${record.eventId}`;
    if (this.applied.has(key)) return false;
    const result = await this.transaction(effects);
    this.applied.add(key);
    return result;
  }

  private async transaction<T>(effects: (tx: AlertTransaction) => Promise<T>): Promise<T> {
    const alerts: StoredAlert<AlertToStore>[] = [];
    const ledger: LedgerEntryData[] = [];
    const kept: RequestSource[] = [];
    const seq = new Map(this.seq);
    const tx: AlertTransaction = {
      storeAlerts: <A extends AlertToStore>(todo: readonly A[], keep: readonly RequestSource[] = []) => {
        kept.push(...keep);
        const stored: StoredAlert<A>[] = [];
        for (const alert of todo) {
          if ([...this.alerts, ...alerts].some((s) => s.alert.alertId === alert.alertId)) continue;
          const n = (seq.get(alert.recipientAgencyId) ?? 0) + 1;
          seq.set(alert.recipientAgencyId, n);
          stored.push({ alert, seq: n });
        }
        alerts.push(...stored);
        return Promise.resolve({ stored, deliveries: [] as CreatedDelivery[] });
      },
      appendLedger: (entries) => {
        ledger.push(...entries);
        return Promise.resolve();
      },
    };
    const result = await effects(tx);
    this.alerts.push(...alerts);
    this.ledger.push(...ledger);
    this.requestSources.push(...kept);
    for (const [k, v] of seq) this.seq.set(k, v);
    return result;
  }
}
