import { ReportCopiesInFlight } from './report-copies-in-flight';

/** A promise and the functions that settle it. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('ReportCopiesInFlight', () => {
  it('settled() waits for the write of an id in flight and no longer once it committed', async () => {
    const copies = new ReportCopiesInFlight();
    const write = deferred<string>();
    const result = copies.track(['e1', 'e2'], () => write.promise);
    expect(copies.inFlight(['e1', 'e2', 'e3'])).toBe(2);

    let waited = false;
    const waiting = copies.settled(['e2']).then(() => (waited = true));
    await tick();
    expect(waited).toBe(false);

    write.resolve('inserted');
    await expect(result).resolves.toBe('inserted');
    await waiting;
    expect(waited).toBe(true);
    await tick();
    expect(copies.inFlight(['e1', 'e2'])).toBe(0);
  });

  it('a failed write releases its waiters without failing them, and the caller of track sees the failure', async () => {
    const copies = new ReportCopiesInFlight();
    const write = deferred();
    const result = copies.track(['e1'], () => write.promise);
    const waiting = copies.settled(['e1']);
    write.reject(new Error('connection lost'));
    await expect(result).rejects.toThrow('connection lost');
    await expect(waiting).resolves.toBeUndefined();
    await tick();
    expect(copies.inFlight(['e1'])).toBe(0);
  });

  it('settled() of ids nobody writes resolves at once', async () => {
    const copies = new ReportCopiesInFlight();
    const never = copies.track(['busy'], () => new Promise<void>(() => undefined));
    void never;
    let done = false;
    await copies.settled(['other']).then(() => (done = true));
    expect(done).toBe(true);
  });

  it('an id written again while its first write runs is released only by the later write', async () => {
    const copies = new ReportCopiesInFlight();
    const first = deferred();
    const second = deferred();
    void copies.track(['e1'], () => first.promise);
    void copies.track(['e1'], () => second.promise);
    first.resolve();
    await tick();
    expect(copies.inFlight(['e1'])).toBe(1);
    second.resolve();
    await tick();
    await tick();
    expect(copies.inFlight(['e1'])).toBe(0);
  });
});
