import { Injectable } from '@nestjs/common';

/**
 * The report copies being written right now, by event id. A link and the reports it names are
 * often fetched in the same consumer round and applied concurrently; a link that finds one of
 * its reports missing first waits for the copy already on its way (in this process) instead of
 * failing and being retried a moment later. Only a shortcut: the database stays the source of
 * truth, and a report not in flight here is still retried as before.
 */
@Injectable()
export class ReportCopiesInFlight {
  private readonly pending = new Map<string, Promise<unknown>>();

  /** Runs `write` for these ids; until it settles, `settled` of any of them waits for it. */
  track<T>(eventIds: readonly string[], write: () => Promise<T>): Promise<T> {
    const running = write();
    const done = running.then(
      () => undefined,
      () => undefined,
    );
    for (const id of eventIds) this.pending.set(id, done);
    void done.then(() => {
      for (const id of eventIds) if (this.pending.get(id) === done) this.pending.delete(id);
    });
    return running;
  }

  /** How many of these ids are being written now. */
  inFlight(eventIds: Iterable<string>): number {
    let n = 0;
    for (const id of eventIds) if (this.pending.has(id)) n += 1;
    return n;
  }

  /** Resolves once every write in flight for these ids has settled (committed or failed); at once if none. */
  async settled(eventIds: Iterable<string>): Promise<void> {
    const waits = new Set<Promise<unknown>>();
    for (const id of eventIds) {
      const p = this.pending.get(id);
      if (p) waits.add(p);
    }
    if (waits.size > 0) await Promise.all(waits);
  }
}
