import { blockingRecall, pairwiseQuality } from './quality';

describe(pairwiseQuality.name, () => {
  // Ring R1 = {a, b, c} (3 pairs), ring R2 = {d, e} (1 pair), f unrelated.
  const truth = new Map<string, string | null>([
    ['a', 'R1'],
    ['b', 'R1'],
    ['c', 'R1'],
    ['d', 'R2'],
    ['e', 'R2'],
    ['f', null],
  ]);

  it.each([
    [
      'a perfect clustering',
      { a: 'X', b: 'X', c: 'X', d: 'Y', e: 'Y' },
      { predictedPairs: 4, correctPairs: 4, precision: 1, recall: 1 },
    ],
    [
      'one case missed',
      { a: 'X', b: 'X', d: 'Y', e: 'Y' },
      { predictedPairs: 2, correctPairs: 2, precision: 1, recall: 0.5 },
    ],
    [
      'an unrelated case pulled in',
      { a: 'X', b: 'X', c: 'X', f: 'X', d: 'Y', e: 'Y' },
      { predictedPairs: 7, correctPairs: 4, precision: 4 / 7, recall: 1 },
    ],
    [
      'two rings merged',
      { a: 'X', b: 'X', c: 'X', d: 'X', e: 'X' },
      { predictedPairs: 10, correctPairs: 4, precision: 0.4, recall: 1 },
    ],
    ['nothing predicted', {}, { predictedPairs: 0, correctPairs: 0, precision: 1, recall: 0 }],
  ])('%s', (_name, clusters, expected) => {
    const predicted = new Map(Object.entries(clusters));
    const q = pairwiseQuality(predicted, truth);
    expect(q).toMatchObject({ truePairs: 4, ...expected });
    expect(q.f1).toBeCloseTo(
      q.precision + q.recall === 0 ? 0 : (2 * q.precision * q.recall) / (q.precision + q.recall),
    );
  });
});

describe(blockingRecall.name, () => {
  it('counts the true pairs whose keys meet (either direction), and those joined through a chain', () => {
    const truth = new Map<string, string | null>([
      ['a', 'R'],
      ['b', 'R'],
      ['c', 'R'],
      ['z', null],
    ]);
    const keys: Record<string, { index: string[]; probe: string[] }> = {
      a: { index: ['k1'], probe: ['k1'] },
      b: { index: ['k1', 'k2'], probe: ['k1', 'k2'] },
      c: { index: ['h'], probe: ['k2'] },
      z: { index: ['k1'], probe: ['k1'] },
    };
    expect(blockingRecall(truth, (id) => keys[id])).toEqual({
      truePairs: 3,
      blockedPairs: 2,
      recall: 2 / 3,
      connectedPairs: 3,
      connectedRecall: 1,
    });
  });
});
