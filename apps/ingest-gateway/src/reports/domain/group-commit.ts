/**
 * Group commit: concurrent writes (each a list of reports of one request) are joined into
 * one multi-row transaction, so a hundred single-report requests cost one round trip and
 * one WAL flush instead of a hundred. A write resolves only after the transaction that
 * holds it committed (so a 2xx still means "stored durably"), with the event ids *it*
 * stored; a write is never split, so a batch request stays one transaction.
 *
 * There is no timer: a flush starts as soon as a slot is free (after the current I/O
 * callbacks, so writes of one event-loop turn travel together); while `maxInFlight` flushes
 * are running, new writes wait and form the next group. Light load: one write per flush,
 * no added latency. Heavy load: flushes grow by themselves.
 */

/** What a group is made of: reports with an event id. */
export interface Keyed {
  eventId: string;
}

/** Stores reports not stored yet (event ids unique within the call); resolves to the lower-case ids it stored. */
export type InsertNew<T extends Keyed> = (reports: readonly T[]) => Promise<Set<string>>;

/** Settings of a group commit. */
export interface GroupCommitOptions {
  /** Reports per transaction; a single larger write still goes alone. */
  maxReports: number;
  /** Transactions in flight at once. */
  maxInFlight: number;
  /** Errors for which a failed group is not retried write by write (the database is unreachable). */
  isTransient: (e: unknown) => boolean;
  /** Told of each committed transaction: how many reports and writes it held. */
  onCommit?: (reports: number, writes: number) => void;
}

interface Pending<T> {
  reports: readonly T[];
  resolve: (stored: Set<string>) => void;
  reject: (e: unknown) => void;
}

/** Figures of the flushes so far (for metrics and tests). */
export interface GroupCommitStats {
  flushes: number;
  writes: number;
  reports: number;
}

export class GroupCommit<T extends Keyed> {
  private queue: Pending<T>[] = [];
  private inFlight = 0;
  private scheduled = false;
  readonly stats: GroupCommitStats = { flushes: 0, writes: 0, reports: 0 };

  constructor(
    private readonly insertNew: InsertNew<T>,
    private readonly opts: GroupCommitOptions,
  ) {}

  /** Stores the reports in the next group transaction; resolves to the (lower-case) ids this write stored. */
  write(reports: readonly T[]): Promise<Set<string>> {
    if (reports.length === 0) return Promise.resolve(new Set());
    return new Promise((resolve, reject) => {
      this.queue.push({ reports, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.opts.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.inFlight < this.opts.maxInFlight && this.queue.length > 0) void this.flush(this.take());
    });
  }

  /** The next group: whole writes in arrival order, up to maxReports (at least one write). */
  private take(): Pending<T>[] {
    let n = 0;
    let k = 0;
    while (k < this.queue.length && (k === 0 || n + this.queue[k].reports.length <= this.opts.maxReports)) {
      n += this.queue[k].reports.length;
      k++;
    }
    return this.queue.splice(0, k);
  }

  private async flush(group: Pending<T>[]): Promise<void> {
    this.inFlight++;
    try {
      await this.commit(group, true);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }

  private async commit(group: Pending<T>[], mayRetryAlone: boolean): Promise<void> {
    // An event id goes in once per transaction: the first write that carries it owns it;
    // a later write with the same id (a concurrent retry) finds it stored, as it would
    // have a moment later, and is answered 200 or 409 by the caller.
    const owner = new Map<string, Pending<T>>();
    const rows: T[] = [];
    for (const w of group)
      for (const r of w.reports) {
        const id = r.eventId.toLowerCase();
        if (owner.has(id)) continue;
        owner.set(id, w);
        rows.push(r);
      }
    let stored: Set<string>;
    try {
      stored = await this.insertNew(rows);
    } catch (e) {
      if (group.length > 1 && mayRetryAlone && !this.opts.isTransient(e)) {
        // Not the database being away: something in one write. Each write alone, so the
        // others are not failed for it.
        await Promise.all(group.map((w) => this.commit([w], false)));
        return;
      }
      for (const w of group) w.reject(e);
      return;
    }
    this.stats.flushes++;
    this.stats.writes += group.length;
    this.stats.reports += rows.length;
    this.opts.onCommit?.(rows.length, group.length);
    const mine = new Map<Pending<T>, Set<string>>(group.map((w) => [w, new Set<string>()]));
    for (const id of stored) {
      const w = owner.get(id);
      if (w) mine.get(w)!.add(id);
    }
    for (const w of group) w.resolve(mine.get(w)!);
  }
}
