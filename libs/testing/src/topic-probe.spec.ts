import { untilLeadersSettle } from './topic-probe';

describe(untilLeadersSettle.name, () => {
  it('tries a retriable failure again (a partition without a leader yet) and gives the answer', async () => {
    let calls = 0;
    const answer = await untilLeadersSettle(() => {
      calls++;
      if (calls < 3)
        return Promise.reject(Object.assign(new Error('This server is not the leader'), { retriable: true }));
      return Promise.resolve('offsets');
    });
    expect(answer).toBe('offsets');
    expect(calls).toBe(3);
  });

  it('throws an error that is not retriable at once, and a retriable one after the last attempt', async () => {
    let calls = 0;
    await expect(
      untilLeadersSettle(() => {
        calls++;
        return Promise.reject(new Error('bad topic'));
      }),
    ).rejects.toThrow('bad topic');
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      untilLeadersSettle(() => {
        calls++;
        return Promise.reject(Object.assign(new Error('no leader'), { retriable: true }));
      }, 2),
    ).rejects.toThrow('no leader');
    expect(calls).toBe(2);
  });
});
