import {
  computeLag,
  evaluateGroup,
  evaluatePartition,
  lagSample,
  toApiStatus,
  toGroupStatus,
  type LagSample,
  type PartitionLagState,
  type PartitionStatus,
} from './lag-status';

// Burrow's vectors give (committed offset, commit timestamp ms, lag); the end offset follows from them.
const burrow = (rows: ReadonlyArray<[offset: number, timestamp: number, lag: number]>): LagSample[] =>
  rows.map(([committedOffset, timestamp, lag]) => ({
    timestamp,
    committedOffset,
    endOffset: committedOffset + lag,
    lag,
  }));

// A polled series: one sample every `stepMs` from `start`, each row (committed, end).
const polled = (start: number, stepMs: number, rows: ReadonlyArray<[committed: number, end: number]>) =>
  rows.map(([committed, end], i) => lagSample(start + i * stepMs, committed, end));

const SEC = 1000;
const MIN = 60 * SEC;

describe(evaluatePartition.name, () => {
  // Burrow's own correctness vectors (core/internal/evaluator/caching_test.go, cases 0-8), with
  // `timeNow` converted from seconds to milliseconds. Case 8 had a current lag of 0 while the last
  // stored offset showed 250; here the newest sample is the current lag, so it carries 0.
  it.each<{ name: string; samples: LagSample[]; now: number; status: PartitionStatus }>([
    {
      name: 'Burrow 0: zero lag somewhere in the window is OK',
      samples: burrow([
        [1000, 100000, 0],
        [2000, 200000, 50],
        [3000, 300000, 100],
        [4000, 400000, 150],
        [5000, 500000, 200],
      ]),
      now: 600 * SEC,
      status: 'OK',
    },
    {
      name: 'Burrow 1: time since the last commit equal to the span is not yet STOP',
      samples: burrow([
        [1000, 100000, 0],
        [2000, 200000, 50],
        [3000, 300000, 100],
        [4000, 400000, 150],
        [5000, 500000, 200],
      ]),
      now: 900 * SEC,
      status: 'OK',
    },
    {
      name: 'Burrow 2: STOP once the time since the last commit exceeds the span, even with zero lag in the window (#290)',
      samples: burrow([
        [1000, 100000, 0],
        [2000, 200000, 50],
        [3000, 300000, 100],
        [4000, 400000, 150],
        [5000, 500000, 200],
      ]),
      now: 1000 * SEC,
      status: 'STOP',
    },
    {
      name: 'Burrow 3: STOP when lag is never zero as well',
      samples: burrow([
        [1000, 100000, 50],
        [2000, 200000, 100],
        [3000, 300000, 150],
        [4000, 400000, 200],
        [5000, 500000, 250],
      ]),
      now: 1000 * SEC,
      status: 'STOP',
    },
    {
      name: 'Burrow 4: unchanged offsets are OK while the window still holds a zero lag',
      samples: burrow([
        [1000, 100000, 0],
        [1000, 200000, 50],
        [1000, 300000, 100],
        [1000, 400000, 150],
        [1000, 500000, 200],
      ]),
      now: 600 * SEC,
      status: 'OK',
    },
    {
      name: 'Burrow 5: STALL when offsets never change and lag grows',
      samples: burrow([
        [1000, 100000, 100],
        [1000, 200000, 150],
        [1000, 300000, 200],
        [1000, 400000, 250],
        [1000, 500000, 300],
      ]),
      now: 600 * SEC,
      status: 'STALL',
    },
    {
      name: 'Burrow 6: STALL when offsets never change and lag stays the same',
      samples: burrow([
        [1000, 100000, 100],
        [1000, 200000, 100],
        [1000, 300000, 100],
        [1000, 400000, 100],
        [1000, 500000, 100],
      ]),
      now: 600 * SEC,
      status: 'STALL',
    },
    {
      name: 'Burrow 7: REWIND when the committed offset goes back, even though lag then decreases',
      samples: burrow([
        [1000, 100000, 100],
        [2000, 200000, 150],
        [3000, 300000, 200],
        [2000, 400000, 1250],
        [4000, 500000, 300],
      ]),
      now: 600 * SEC,
      status: 'REWIND',
    },
    {
      name: 'Burrow 8: OK when the current lag is zero, although the timestamps say stopped',
      samples: burrow([
        [1000, 100000, 50],
        [2000, 200000, 100],
        [3000, 300000, 150],
        [4000, 400000, 200],
        [5000, 500000, 0],
      ]),
      now: 1000 * SEC,
      status: 'OK',
    },
    // Burrow's wiki rule 5: offsets advance, lag only grows.
    {
      name: 'WARN when offsets advance but lag never decreases and grows overall',
      samples: burrow([
        [1000, 100000, 100],
        [2000, 200000, 150],
        [3000, 300000, 150],
        [4000, 400000, 250],
        [5000, 500000, 300],
      ]),
      now: 600 * SEC,
      status: 'WARN',
    },
    {
      name: 'OK when lag is high but came down once in the window (catching up after a restart)',
      samples: burrow([
        [1000, 100000, 900],
        [2000, 200000, 950],
        [3000, 300000, 700],
        [4000, 400000, 800],
        [5000, 500000, 850],
      ]),
      now: 600 * SEC,
      status: 'OK',
    },
    {
      name: 'OK, not WARN, when offsets advance at exactly the producer pace (deliberate difference b)',
      samples: burrow([
        [1000, 100000, 40],
        [2000, 200000, 40],
        [3000, 300000, 40],
        [4000, 400000, 40],
        [5000, 500000, 40],
      ]),
      now: 600 * SEC,
      status: 'OK',
    },
    {
      name: 'REWIND outranks STALL: a reset followed by unchanged offsets',
      samples: burrow([
        [5000, 100000, 10],
        [1000, 200000, 4010],
        [1000, 300000, 4020],
        [1000, 400000, 4030],
      ]),
      now: 500 * SEC,
      status: 'REWIND',
    },
    {
      name: 'unsorted input is judged in timestamp order',
      samples: burrow([
        [4000, 400000, 250],
        [1000, 100000, 100],
        [3000, 300000, 200],
        [2000, 200000, 150],
      ]),
      now: 500 * SEC,
      status: 'WARN',
    },
  ])('$name', ({ samples, now, status }) => {
    const result = evaluatePartition(samples, { now, minSamples: 3 });
    expect(result).toMatchObject({ status, complete: true });
  });

  // The polled model: the ops monitor samples every 10 s, keeps 30 samples (5 min), STOP after 4 min.
  const opts = (now: number) => ({ now, minSamples: 5, windowMs: 4 * MIN });

  it.each<{ name: string; samples: LagSample[]; now: number; status: PartitionStatus; reason: RegExp }>([
    {
      name: 'a frozen consumer that has been behind for longer than windowMs is STOP, though samples are fresh',
      samples: polled(
        0,
        10 * SEC,
        Array.from({ length: 30 }, (_, i) => [500, 510 + i] as [number, number]),
      ),
      now: 295 * SEC,
      status: 'STOP',
      reason: /committed offset 500 has not moved for 295000 ms/,
    },
    {
      name: 'the same consumer is STALL while it has been behind for less than windowMs',
      samples: polled(
        0,
        10 * SEC,
        Array.from({ length: 20 }, (_, i) => [500, 510 + i] as [number, number]),
      ),
      now: 195 * SEC,
      status: 'STALL',
      reason: /unchanged across the window while lag is 29/,
    },
    {
      name: 'a quiet topic whose consumer was caught up until a record arrived is OK, not STOP (Burrow #303)',
      samples: polled(0, 10 * SEC, [
        ...Array.from({ length: 28 }, () => [500, 500] as [number, number]),
        [500, 501],
        [500, 501],
      ]),
      now: 295 * SEC,
      status: 'OK',
      reason: /lag was zero within the window/,
    },
    {
      name: 'a consumer that went dead right after a record arrived is STOP once behind for longer than windowMs',
      samples: polled(0, 10 * SEC, [
        ...Array.from({ length: 5 }, () => [500, 500] as [number, number]),
        ...Array.from({ length: 25 }, () => [500, 501] as [number, number]),
      ]),
      now: 295 * SEC,
      status: 'STOP',
      reason: /has not moved for 245000 ms while behind/,
    },
    {
      name: 'a consumer that advanced early in the window and then froze is STOP after windowMs',
      samples: polled(0, 10 * SEC, [
        [100, 200],
        [150, 210],
        ...Array.from({ length: 28 }, (_, i) => [150, 220 + i] as [number, number]),
      ]),
      now: 295 * SEC,
      status: 'STOP',
      reason: /committed offset 150 has not moved for 285000 ms/,
    },
    {
      name: 'a steadily progressing consumer with some in-flight lag is OK',
      samples: polled(0, 10 * SEC, [
        [100, 103],
        [200, 202],
        [300, 305],
        [400, 401],
        [500, 504],
        [600, 602],
      ]),
      now: 55 * SEC,
      status: 'OK',
      reason: /lag decreased within the window/,
    },
    {
      name: 'samples that stopped arriving make the partition STOP by Burrow timestamp rule',
      samples: polled(0, 10 * SEC, [
        [100, 110],
        [200, 220],
        [300, 330],
        [400, 440],
        [500, 550],
      ]),
      now: 40 * SEC + 41 * SEC,
      status: 'STOP',
      reason: /no sample for 41000 ms, longer than the window's span of 40000 ms/,
    },
    {
      name: 'a lag of zero now is OK even after a long freeze',
      samples: polled(0, 10 * SEC, [
        ...Array.from({ length: 29 }, () => [500, 900] as [number, number]),
        [900, 900],
      ]),
      now: 295 * SEC,
      status: 'OK',
      reason: /current lag is zero/,
    },
  ])('$name', ({ samples, now, status, reason }) => {
    const result = evaluatePartition(samples, opts(now));
    expect(result.status).toBe(status);
    expect(result.complete).toBe(true);
    expect(result.reason).toMatch(reason);
  });

  // Difference a: a live member that owns the partition stands in for "still committing" (Burrow's
  // STALL); nobody owning it, the frozen offset is STOP after windowMs, as a consumer that is gone.
  const frozen = (n: number) =>
    polled(
      0,
      10 * SEC,
      Array.from({ length: n }, (_, i) => [500, 510 + i] as [number, number]),
    );
  it.each<{
    name: string;
    samples: LagSample[];
    now: number;
    owned: boolean | undefined;
    status: PartitionStatus;
    reason: RegExp;
  }>([
    {
      name: 'owned, frozen and behind for longer than windowMs is STALL, not STOP',
      samples: frozen(30),
      now: 295 * SEC,
      owned: true,
      status: 'STALL',
      reason: /committed offset 500 unchanged across the window while lag is 39 and a member .* owns/,
    },
    {
      name: 'the same window with nobody owning the partition is STOP',
      samples: frozen(30),
      now: 295 * SEC,
      owned: false,
      status: 'STOP',
      reason: /has not moved for 295000 ms while behind and no member of the group owns the partition/,
    },
    {
      name: 'the same window with ownership unknown is STOP, as nobody owning it',
      samples: frozen(30),
      now: 295 * SEC,
      owned: undefined,
      status: 'STOP',
      reason: /has not moved for 295000 ms/,
    },
    {
      name: 'owned, advancing and then frozen while lag grows is WARN until the window is all frozen',
      samples: polled(0, 10 * SEC, [
        [100, 200],
        [150, 260],
        ...Array.from({ length: 28 }, (_, i) => [150, 270 + i] as [number, number]),
      ]),
      now: 295 * SEC,
      owned: true,
      status: 'WARN',
      reason: /offsets advance but lag never decreased, from 100 to 147/,
    },
    {
      name: 'owned and frozen is OK while the window still holds a zero lag',
      samples: polled(0, 10 * SEC, [
        ...Array.from({ length: 5 }, () => [500, 500] as [number, number]),
        ...Array.from({ length: 25 }, () => [500, 501] as [number, number]),
      ]),
      now: 295 * SEC,
      owned: true,
      status: 'OK',
      reason: /lag was zero within the window/,
    },
    {
      name: 'owned but no sample for longer than the span is still STOP by Burrow timestamp rule',
      samples: frozen(5),
      now: 40 * SEC + 41 * SEC,
      owned: true,
      status: 'STOP',
      reason: /no sample for 41000 ms, longer than the window's span of 40000 ms/,
    },
    {
      name: 'owned and rewound is REWIND',
      samples: polled(0, 10 * SEC, [
        [480, 505],
        [500, 510],
        [400, 520],
        [400, 530],
        [400, 540],
      ]),
      now: 45 * SEC,
      owned: true,
      status: 'REWIND',
      reason: /went back from 500 to 400/,
    },
  ])('$name', ({ samples, now, owned, status, reason }) => {
    const result = evaluatePartition(samples, { ...opts(now), owned });
    expect(result.status).toBe(status);
    expect(result.reason).toMatch(reason);
  });

  it('rounds durations in reasons to whole milliseconds (sample times carry fractions)', () => {
    const samples = frozen(30).map((s) => ({ ...s, timestamp: s.timestamp + 0.25 }));
    expect(evaluatePartition(samples, opts(295 * SEC + 0.6)).reason).toMatch(/has not moved for 295000 ms/);
  });

  it.each([
    { count: 0, minSamples: 3, required: 3 },
    { count: 2, minSamples: 3, required: 3 },
    { count: 1, minSamples: 1, required: 2 },
  ])(
    'reports OK and incomplete with $count samples when $required are needed (minSamples $minSamples)',
    ({ count, minSamples, required }) => {
      // Lag only grows and the offset never moves: judged, this would be an error.
      const samples = polled(
        0,
        10 * SEC,
        Array.from({ length: count }, (_, i) => [0, 10 * (i + 1)] as [number, number]),
      );
      expect(evaluatePartition(samples, { now: 10 * SEC * count, minSamples })).toEqual({
        status: 'OK',
        complete: false,
        reason: `not enough data: ${count} of ${required} samples in the window`,
      });
    },
  );

  it.each([
    { name: 'now is not finite', options: { now: Number.NaN, minSamples: 3 } },
    { name: 'minSamples is zero', options: { now: 0, minSamples: 0 } },
    { name: 'minSamples is fractional', options: { now: 0, minSamples: 2.5 } },
    { name: 'windowMs is negative', options: { now: 0, minSamples: 3, windowMs: -1 } },
  ])('rejects options where $name', ({ options }) => {
    expect(() => evaluatePartition([], options)).toThrow(RangeError);
  });
});

describe(evaluateGroup.name, () => {
  const p = (
    partition: number,
    status: PartitionStatus,
    lag: number,
    complete?: boolean,
  ): PartitionLagState => ({
    topic: 'intel.seizure.reported.v1',
    partition,
    status,
    lag,
    complete,
  });

  it.each<{ name: string; partitions: PartitionLagState[]; status: string; worst: PartitionStatus }>([
    { name: 'all OK', partitions: [p(0, 'OK', 0), p(1, 'OK', 3)], status: 'OK', worst: 'OK' },
    { name: 'one WARN', partitions: [p(0, 'OK', 0), p(1, 'WARN', 300)], status: 'WARN', worst: 'WARN' },
    {
      name: 'STALL beats WARN',
      partitions: [p(0, 'WARN', 10), p(1, 'STALL', 5)],
      status: 'ERR',
      worst: 'STALL',
    },
    {
      name: 'STOP beats STALL',
      partitions: [p(0, 'STOP', 1), p(1, 'STALL', 5)],
      status: 'ERR',
      worst: 'STOP',
    },
    {
      name: 'REWIND is the worst',
      partitions: [p(0, 'REWIND', 1), p(1, 'STOP', 5)],
      status: 'ERR',
      worst: 'REWIND',
    },
    { name: 'no partitions', partitions: [], status: 'OK', worst: 'OK' },
  ])('reports $status (worst $worst) when $name', ({ partitions, status, worst }) => {
    const result = evaluateGroup(partitions);
    expect(result.status).toBe(status);
    expect(result.worst).toBe(worst);
  });

  it('names the partition with the highest lag, the first one on ties, and sums the lag', () => {
    const result = evaluateGroup([p(0, 'OK', 7), p(1, 'WARN', 40), p(2, 'OK', 40), p(3, 'OK', 2)]);
    expect(result.maxLagPartition).toEqual({ topic: 'intel.seizure.reported.v1', partition: 1, lag: 40 });
    expect(result.totalLag).toBe(89);
  });

  it.each([
    { partitions: [p(0, 'OK', 0), p(1, 'OK', 0, false)], complete: 0.5 },
    { partitions: [p(0, 'OK', 0, true), p(1, 'OK', 0)], complete: 1 },
    { partitions: [], complete: 0 },
  ])('reports completeness $complete', ({ partitions, complete }) => {
    expect(evaluateGroup(partitions).complete).toBe(complete);
  });

  it('has no max-lag partition for an empty group', () => {
    expect(evaluateGroup([]).maxLagPartition).toBeNull();
  });
});

describe(toGroupStatus.name, () => {
  it.each<[PartitionStatus, string]>([
    ['OK', 'OK'],
    ['WARN', 'WARN'],
    ['STALL', 'ERR'],
    ['STOP', 'ERR'],
    ['REWIND', 'ERR'],
  ])('maps %s to %s', (status, expected) => {
    expect(toGroupStatus(status)).toBe(expected);
  });
});

describe(toApiStatus.name, () => {
  it.each<[PartitionStatus, string]>([
    ['OK', 'OK'],
    ['WARN', 'WARN'],
    ['STALL', 'STALL'],
    ['STOP', 'STOP'],
    ['REWIND', 'ERR'],
  ])('maps %s to %s', (status, expected) => {
    expect(toApiStatus(status)).toBe(expected);
  });
});

describe(computeLag.name, () => {
  it.each([
    [100, 150, 50],
    [150, 150, 0],
    // The end offset is fetched on its own timer and can trail a fresh commit.
    [160, 150, 0],
  ])('committed %d, end %d gives lag %d', (committed, end, lag) => {
    expect(computeLag(committed, end)).toBe(lag);
    expect(lagSample(1, committed, end)).toEqual({
      timestamp: 1,
      committedOffset: committed,
      endOffset: end,
      lag,
    });
  });
});
