import { GroupCommit } from './group-commit';

const tick = () => new Promise((resolve) => setImmediate(resolve));

function deferred(): { promise: Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

describe(GroupCommit.name, () => {
  it('applies a job at once when nothing is running', async () => {
    const groups: number[][] = [];
    const gc = new GroupCommit<number, number>(async (jobs) => {
      groups.push([...jobs]);
      return jobs.map((j) => j * 10);
    });
    await expect(gc.submit(1)).resolves.toBe(10);
    expect(groups).toEqual([[1]]);
  });

  it('applies the jobs submitted while a group runs together, in submission order, one group at a time', async () => {
    const groups: number[][] = [];
    const gate = deferred();
    let active = 0;
    let maxActive = 0;
    const gc = new GroupCommit<number, number>(async (jobs) => {
      active++;
      maxActive = Math.max(maxActive, active);
      groups.push([...jobs]);
      if (jobs[0] === 1) await gate.promise;
      active--;
      return jobs.map((j) => j * 10);
    });
    const first = gc.submit(1);
    await tick();
    const rest = [gc.submit(2), gc.submit(3), gc.submit(4)];
    expect(gc.backlog).toBe(3);
    gate.release();
    await expect(Promise.all([first, ...rest])).resolves.toEqual([10, 20, 30, 40]);
    expect(groups).toEqual([[1], [2, 3, 4]]);
    expect(maxActive).toBe(1);
  });

  it('settles a job only after the group holding it has finished', async () => {
    const gate = deferred();
    const order: string[] = [];
    const gc = new GroupCommit<string, string>(async (jobs) => {
      if (jobs.includes('a')) await gate.promise;
      order.push(`applied ${jobs.join(',')}`);
      return [...jobs];
    });
    const a = gc.submit('a').then((r) => order.push(`settled ${r}`));
    await Promise.resolve();
    order.push('before release');
    gate.release();
    await a;
    expect(order).toEqual(['before release', 'applied a', 'settled a']);
  });

  it('applies the jobs submitted in one turn of the event loop together', async () => {
    const groups: number[][] = [];
    const gc = new GroupCommit<number, number>(async (jobs) => {
      groups.push([...jobs]);
      return [...jobs];
    });
    await expect(Promise.all([gc.submit(1), gc.submit(2), gc.submit(3)])).resolves.toEqual([1, 2, 3]);
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it('keeps a group within the weight limit but always takes at least one job', async () => {
    const groups: number[][] = [];
    const gate = deferred();
    const gc = new GroupCommit<number, number>(
      async (jobs) => {
        groups.push([...jobs]);
        if (jobs[0] === 0) await gate.promise;
        return jobs.map(() => 0);
      },
      { maxWeight: 10, weightOf: (j) => j },
    );
    const all = [gc.submit(0)];
    await tick();
    all.push(gc.submit(6), gc.submit(4), gc.submit(3), gc.submit(25), gc.submit(1));
    gate.release();
    await Promise.all(all);
    expect(groups).toEqual([[0], [6, 4], [3], [25], [1]]);
  });

  it('applies each job of a failed group on its own, so only the job that cannot be applied fails', async () => {
    const groups: string[][] = [];
    const gate = deferred();
    const gc = new GroupCommit<string, string>(async (jobs) => {
      groups.push([...jobs]);
      if (jobs[0] === 'first') await gate.promise;
      if (jobs.includes('bad')) throw new Error('bad job');
      return jobs.map((j) => j.toUpperCase());
    });
    const first = gc.submit('first');
    await tick();
    const good = gc.submit('good');
    const bad = gc.submit('bad');
    const other = gc.submit('other');
    gate.release();
    await expect(first).resolves.toBe('FIRST');
    await expect(good).resolves.toBe('GOOD');
    await expect(bad).rejects.toThrow('bad job');
    await expect(other).resolves.toBe('OTHER');
    expect(groups).toEqual([['first'], ['good', 'bad', 'other'], ['good'], ['bad'], ['other']]);
  });

  it('fails a group at once, without retrying its jobs alone, when the failure is transient', async () => {
    const groups: number[][] = [];
    const unreachable = new Error('connection refused');
    const gc = new GroupCommit<number, number>(
      async (jobs) => {
        groups.push([...jobs]);
        throw unreachable;
      },
      { isTransient: (e) => e === unreachable },
    );
    const results = await Promise.allSettled([gc.submit(1), gc.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(groups).toEqual([[1, 2]]);
  });

  it('is idle once every job submitted so far has settled', async () => {
    const gate = deferred();
    const gc = new GroupCommit<number, number>(
      async (jobs) => {
        await gate.promise;
        return [...jobs];
      },
      { maxInFlight: 2, maxWeight: 1 },
    );
    const settled: number[] = [];
    for (const j of [1, 2, 3]) void gc.submit(j).then((r) => settled.push(r));
    const idle = gc.idle().then(() => [...settled]);
    await tick();
    expect(settled).toEqual([]);
    gate.release();
    expect(await idle).toEqual([1, 2, 3]);
  });

  it('goes on with later jobs after a failure', async () => {
    let fail = true;
    const gc = new GroupCommit<number, number>(async (jobs) => {
      if (fail) {
        fail = false;
        throw new Error('transient');
      }
      return [...jobs];
    });
    await expect(gc.submit(1)).rejects.toThrow('transient');
    await expect(gc.submit(2)).resolves.toBe(2);
  });
});
