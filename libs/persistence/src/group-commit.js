"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GroupCommit = void 0;
/**
 * Group commit: concurrent jobs are applied together, so a hundred small writes cost one
 * round trip and one WAL flush instead of a hundred. There is no timer: a group starts as soon
 * as a slot is free (after the current I/O callbacks, so jobs of one event-loop turn travel
 * together); while `maxInFlight` groups run, new jobs wait and form the next group (up to
 * `maxWeight`, always at least one job, never reordered). A job's promise settles once the
 * apply holding it has finished. When a group fails, each of its jobs is applied again on its
 * own, so a job that cannot be applied fails alone and the others go on (`apply` must be
 * all-or-nothing, e.g. one transaction); a transient failure fails the whole group at once.
 */
class GroupCommit {
    apply;
    opts;
    waiting = [];
    running = new Set();
    scheduled = false;
    constructor(apply, opts = {}) {
        this.apply = apply;
        this.opts = opts;
    }
    /** Jobs not yet in a running group. */
    get backlog() {
        return this.waiting.length;
    }
    /** Resolves once every job submitted so far has settled (shutdown). */
    async idle() {
        while (this.waiting.length > 0 || this.running.size > 0) {
            if (this.running.size > 0)
                await Promise.all([...this.running]);
            else
                await new Promise((resolve) => setImmediate(resolve));
        }
    }
    submit(job) {
        return new Promise((resolve, reject) => {
            this.waiting.push({ job, resolve, reject });
            this.schedule();
        });
    }
    schedule() {
        const max = this.opts.maxInFlight ?? 1;
        if (this.scheduled || this.running.size >= max || this.waiting.length === 0)
            return;
        this.scheduled = true;
        setImmediate(() => {
            this.scheduled = false;
            while (this.running.size < max && this.waiting.length > 0) {
                const run = this.applyGroup(this.takeGroup()).finally(() => {
                    this.running.delete(run);
                    this.schedule();
                });
                this.running.add(run);
            }
        });
    }
    takeGroup() {
        const maxWeight = this.opts.maxWeight ?? Infinity;
        const weightOf = this.opts.weightOf ?? (() => 1);
        let weight = 0;
        let n = 0;
        while (n < this.waiting.length) {
            const w = weightOf(this.waiting[n].job);
            if (n > 0 && weight + w > maxWeight)
                break;
            weight += w;
            n++;
        }
        return this.waiting.splice(0, n);
    }
    async applyGroup(group) {
        try {
            const results = await this.apply(group.map((g) => g.job));
            group.forEach((g, i) => g.resolve(results[i]));
        }
        catch (e) {
            if (group.length === 1 || this.opts.isTransient?.(e)) {
                for (const g of group)
                    g.reject(e);
                return;
            }
            // Not the database being away: something in one job. Each job alone, so the others are
            // not failed for it.
            for (const g of group) {
                try {
                    g.resolve((await this.apply([g.job]))[0]);
                }
                catch (alone) {
                    g.reject(alone);
                }
            }
        }
    }
}
exports.GroupCommit = GroupCommit;
//# sourceMappingURL=group-commit.js.map