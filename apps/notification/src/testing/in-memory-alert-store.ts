import type { RouteReportDto, SeizureReportDto } from '@app/contracts';
import type { LedgerEntryData } from '@app/ledger';
import type { AppliedRecord } from '@app/persistence';
import type {
  AlertStore,
  AlertToStore,
  AlertTransaction,
  CreatedDelivery,
  StoredAlert,
} from '../alerts/alert-store.repository';
import type { ClusterMember } from '../alerts/domain/cluster-membership';
import type { StoredReport } from '../alerts/domain/alert.types';
import type { ReportsRepository } from '../reports/reports.repository';

/**
 * The AlertStore in memory: records applied once per consumer, alerts once per id, numbered per
 * agency, cluster members, ledger entries. A transaction's writes land only if it succeeds.
 */
export class InMemoryAlertStore implements AlertStore {
  readonly applied = new Set<string>();
  readonly alerts: StoredAlert<AlertToStore>[] = [];
  members: ClusterMember[] = [];
  readonly ledger: LedgerEntryData[] = [];
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
    let members = [...this.members];
    const alerts: StoredAlert<AlertToStore>[] = [];
    const ledger: LedgerEntryData[] = [];
    const seq = new Map(this.seq);
    const tx: AlertTransaction = {
      clusterMembers: (ids) => Promise.resolve(members.filter((m) => ids.includes(m.clusterId))),
      keepClusterMembers: (kept) => {
        for (const k of kept)
          if (!members.some((m) => m.clusterId === k.clusterId && m.agencyCaseId === k.agencyCaseId))
            members.push(k);
        return Promise.resolve();
      },
      dropClusters: (ids) => {
        members = members.filter((m) => !ids.includes(m.clusterId));
        return Promise.resolve();
      },
      storeAlerts: <A extends AlertToStore>(todo: readonly A[]) => {
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
    this.members = members;
    this.alerts.push(...alerts);
    this.ledger.push(...ledger);
    for (const [k, v] of seq) this.seq.set(k, v);
    return result;
  }
}

/** Report copies in memory. */
export class InMemoryReports implements ReportsRepository {
  readonly copies = new Map<string, StoredReport>();

  store(kind: 'seizure' | 'route', reports: readonly (SeizureReportDto | RouteReportDto)[]): Promise<void> {
    for (const r of reports) {
      if (!this.copies.has(r.eventId)) {
        this.copies.set(r.eventId, {
          eventId: r.eventId,
          kind,
          agencyId: r.agencyId,
          body: r,
        });
      }
    }
    return Promise.resolve();
  }

  load(eventIds: readonly string[]): Promise<Map<string, StoredReport>> {
    return Promise.resolve(
      new Map(eventIds.filter((id) => this.copies.has(id)).map((id) => [id, this.copies.get(id)!])),
    );
  }

  categoriesOfCase(agencyId: string, kind: string, ref: string): Promise<string[]> {
    const found = [...this.copies.values()]
      .filter((r) => {
        const body = r.body as { agencyCaseRef?: string; routeRef?: string };
        return r.agencyId === agencyId && r.kind === kind && (body.agencyCaseRef ?? body.routeRef) === ref;
      })
      .map((r) => (r.body as { category?: string }).category)
      .filter((c): c is string => !!c);
    return Promise.resolve([...new Set(found)].sort());
  }
}
