/** Applies a group of jobs together; returns one result per job, in order. */
export type GroupApply<J, R> = (jobs: readonly J[]) => Promise<R[]>;

/**
 * Group commit: one `apply` runs at a time; jobs submitted while it runs wait and are applied
 * together by the next one (up to `maxWeight`, and always at least one job). A job's promise
 * settles once the apply holding it has finished. When a group fails, each of its jobs is
 * applied again on its own, so a job that cannot be applied fails alone and the others go on
 * (the failed group changed nothing: `apply` must be all-or-nothing, e.g. one transaction).
 */
export class GroupCommit<J, R> {
  private waiting: { job: J; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly apply: GroupApply<J, R>,
    private readonly maxWeight = Infinity,
    private readonly weightOf: (job: J) => number = () => 1,
  ) {}

  /** Jobs waiting for the running group to finish. */
  get backlog(): number {
    return this.waiting.length;
  }

  submit(job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private takeGroup(): typeof this.waiting {
    let weight = 0;
    let n = 0;
    while (n < this.waiting.length) {
      const w = this.weightOf(this.waiting[n].job);
      if (n > 0 && weight + w > this.maxWeight) break;
      weight += w;
      n++;
    }
    return this.waiting.splice(0, n);
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.takeGroup();
        try {
          const results = await this.apply(group.map((g) => g.job));
          group.forEach((g, i) => g.resolve(results[i]));
        } catch (e) {
          if (group.length === 1) {
            group[0].reject(e);
            continue;
          }
          for (const g of group) {
            try {
              g.resolve((await this.apply([g.job]))[0]);
            } catch (alone) {
              g.reject(alone);
            }
          }
        }
      }
    } finally {
      this.running = false;
    }
  }
}
