import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@app/persistence';
import { strictestTlp } from '../cases/domain/tlp';
import type { OwnerCaseState } from './domain/hit-disclosure';

interface Waiting {
  caseKeys: string[];
  resolve: (states: Map<string, OwnerCaseState>) => void;
  reject: (e: unknown) => void;
}

// The strictest TLP and the cluster of each agency case asked for (point lookups, never a scan).
const SQL = `SELECT c.case_key, c.cluster_id, array_agg(r.body->'classification'->>'tlp') AS tlps
  FROM correlation.agency_case c JOIN correlation.report r ON r.agency_case_id = c.id
 WHERE c.case_key = ANY($1::text[]) GROUP BY c.case_key, c.cluster_id`;

/**
 * Reads the owner cases' state a hit's disclosure depends on, for all the checks with hits
 * that are waiting in one turn of the event loop in ONE statement (a round trip costs more
 * main-thread CPU than the rest of a check). Each check still reads before it writes.
 */
@Injectable()
export class PrecheckOwnerReader {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The state of each of `caseKeys` found (a case missing here is treated as TLP:RED by the caller). */
  read(caseKeys: string[]): Promise<Map<string, OwnerCaseState>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ caseKeys, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    const keys = [...new Set(batch.flatMap((w) => w.caseKeys))];
    let rows: { case_key: string; cluster_id: string | null; tlps: string[] }[];
    try {
      rows = await preparedQuery(this.ds, 'precheck_owner_state', SQL, [keys]);
    } catch (e) {
      for (const w of batch) w.reject(e);
      return;
    }
    const all = new Map<string, OwnerCaseState>(
      rows.map((r) => [r.case_key, { tlp: strictestTlp(r.tlps), clusterId: r.cluster_id }]),
    );
    for (const w of batch) {
      const mine = new Map<string, OwnerCaseState>();
      for (const k of w.caseKeys) {
        const state = all.get(k);
        if (state) mine.set(k, state);
      }
      w.resolve(mine);
    }
  }
}
