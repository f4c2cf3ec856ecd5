import { stopAll } from './stop-all';

describe(stopAll.name, () => {
  it('stops services and disconnects clients one after the other in the order given, skipping what never started', async () => {
    const done: string[] = [];
    const slow = (name: string) => () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          done.push(name);
          resolve();
        }, 5),
      );
    await stopAll(
      { stop: slow('probe') },
      undefined,
      { disconnect: slow('producer') },
      { stop: slow('service') },
    );
    expect(done).toEqual(['probe', 'producer', 'service']);
  });

  it('fails with the first failure and leaves the rest', async () => {
    const later = jest.fn(() => Promise.resolve());
    await expect(
      stopAll({ stop: () => Promise.reject(new Error('still busy')) }, { stop: later }),
    ).rejects.toThrow('still busy');
    expect(later).not.toHaveBeenCalled();
  });
});
