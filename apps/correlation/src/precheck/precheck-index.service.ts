import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { NormalisedPersonName } from '@app/matching';
import { PrecheckIndex } from './domain/precheck-index';
import { precheckKeyOf } from './domain/precheck-keys';
import { PRECHECK_REPOSITORY, type PrecheckFeatureRow, type PrecheckRepository } from './precheck.repository';

/** How often new case_feature rows are picked up (a new seizure is hit-able within about this). */
export const PRECHECK_POLL_MS = 250;
/** Rows read per page while rebuilding or catching up. */
const PAGE_ROWS = 20_000;
// An id skipped by the scan may belong to a transaction that has not committed yet (ids are
// taken at insert, rows appear at commit): it is looked for again until this old.
const GAP_RETRY_MS = 60_000;
// Gaps further than this below the newest id are sequence values lost to ON CONFLICT or a
// rollback, not transactions still open.
const GAP_WINDOW = 5_000;

/**
 * Heap plus array buffers in use; collected first when the process exposes gc (the benchmark
 * does), so the rebuild's figure is the index and not the garbage of reading it.
 */
function indexMemory(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Figures of the last rebuild (the benchmark prints them). */
export interface RebuildStats {
  rows: number;
  ms: number;
  /** Growth of the V8 heap plus array buffers (the index's typed arrays live outside the heap). */
  memoryDeltaBytes: number;
  keys: number;
  postings: number;
  cases: number;
}

/**
 * Keeps the pre-check index current from `correlation.case_feature`: rebuilt at start (paged
 * by id), then every PRECHECK_POLL_MS the rows with a greater id are added. Every instance
 * reads the whole table (each consumes only some partitions, yet must answer for all data).
 * Features are only ever added to an agency case, never removed, so adding is enough.
 */
@Injectable()
export class PrecheckIndexService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly index = new PrecheckIndex();
  private readonly logger = new Logger(PrecheckIndexService.name);
  private lastSeen = 0;
  private readonly gaps = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private polling: Promise<void> = Promise.resolve();
  lastRebuild: RebuildStats | undefined;

  constructor(@Inject(PRECHECK_REPOSITORY) private readonly repo: PrecheckRepository) {}

  // Boot waits for the rebuild: the API never answers CLEAR from a half-built index.
  async onApplicationBootstrap(): Promise<void> {
    await this.rebuild();
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
  }

  /** Reads every feature row into the index; returns its figures. */
  async rebuild(): Promise<RebuildStats> {
    const memoryBefore = indexMemory();
    const started = performance.now();
    let rows = 0;
    for (;;) {
      const page = await this.repo.featuresAfter(this.lastSeen, PAGE_ROWS);
      this.consume(page, true);
      rows += page.length;
      if (page.length < PAGE_ROWS) break;
    }
    for (const id of this.gaps.keys()) if (id < this.lastSeen - GAP_WINDOW) this.gaps.delete(id);
    const stats: RebuildStats = {
      rows,
      ms: performance.now() - started,
      memoryDeltaBytes: indexMemory() - memoryBefore,
      ...this.index.stats,
    };
    this.lastRebuild = stats;
    this.logger.log({ msg: 'pre-check index rebuilt', ...stats, ms: Math.round(stats.ms) });
    return stats;
  }

  /** Adds rows stored since the last look (and rows of ids skipped earlier that have committed since). */
  async catchUp(): Promise<number> {
    let added = 0;
    if (this.gaps.size > 0) {
      const now = Date.now();
      for (const [id, since] of this.gaps) if (now - since > GAP_RETRY_MS) this.gaps.delete(id);
      const late = await this.repo.featuresByIds([...this.gaps.keys()]);
      for (const r of late) this.gaps.delete(Number(r.id));
      this.consume(late, false);
      added += late.length;
    }
    for (;;) {
      const page = await this.repo.featuresAfter(this.lastSeen, PAGE_ROWS);
      this.consume(page, true);
      added += page.length;
      if (page.length < PAGE_ROWS) return added;
    }
  }

  private consume(rows: PrecheckFeatureRow[], advance: boolean): void {
    const now = Date.now();
    for (const r of rows) {
      const id = Number(r.id);
      if (advance) {
        // Remember skipped ids near the top (older ones are lost sequence values).
        const from = Math.max(this.lastSeen + 1, id - GAP_WINDOW);
        for (let gap = from; gap < id; gap++) this.gaps.set(gap, now);
        this.lastSeen = Math.max(this.lastSeen, id);
      }
      const key = precheckKeyOf({
        type: r.t,
        display: '',
        ...(r.v !== null ? { value: r.v } : {}),
        ...(r.c !== null ? { country: r.c } : {}),
        ...(r.d !== null ? { documentType: r.d } : {}),
        ...(r.ph ? { placeholder: true } : {}),
        ...(r.nk !== null ? { name: { key: r.nk } as NormalisedPersonName } : {}),
        ...(r.dob !== null ? { dateOfBirth: r.dob } : {}),
        protected: r.pr === true,
      });
      if (key) this.index.add(r.case_key, key);
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.catchUp()
        .then(() => undefined)
        .catch((e: unknown) => {
          // A failed poll (database briefly away) is retried on the next tick; nothing is lost.
          this.logger.warn({ msg: 'pre-check index poll failed', error: String(e) });
        })
        .finally(() => this.schedule());
    }, PRECHECK_POLL_MS);
    this.timer.unref();
  }
}
