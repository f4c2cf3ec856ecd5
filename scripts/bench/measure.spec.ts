import { backendsCpuBetween, formatBySecond, percentile, percentilesBySecond } from './measure';

describe('percentile', () => {
  it('takes the nearest rank of ascending samples, NaN of none', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('percentilesBySecond', () => {
  it('groups samples by second, in order of the second, whatever order they came in', () => {
    const samples: [number, number][] = [
      [2, 30],
      [0, 5],
      [0, 1],
      [2, 10],
      [0, 3],
    ];
    expect(percentilesBySecond(samples)).toEqual([
      { second: 0, p50: 3, p99: 5 },
      { second: 2, p50: 10, p99: 30 },
    ]);
  });

  it('gives nothing for no samples', () => {
    expect(percentilesBySecond([])).toEqual([]);
  });
});

describe('formatBySecond', () => {
  it('prints second: p50/p99 with the decimals asked for', () => {
    const rows = [
      { second: 0, p50: 1.25, p99: 12 },
      { second: 1, p50: 2, p99: 3.04 },
    ];
    expect(formatBySecond(rows)).toBe('0: 1/12, 1: 2/3');
    expect(formatBySecond(rows, 1)).toBe('0: 1.3/12.0, 1: 2.0/3.0');
  });
});

describe('backendsCpuBetween', () => {
  it('sums what each backend used since the first sample; a backend that appeared since counts from zero', () => {
    const before = new Map([
      [10, 1.5],
      [11, 0.25],
    ]);
    const after = new Map([
      [10, 2.0],
      [11, 0.25],
      [12, 0.75],
    ]);
    expect(backendsCpuBetween(before, after)).toBeCloseTo(1.25, 10);
  });

  it('never counts a backend that went away, nor less than zero', () => {
    expect(backendsCpuBetween(new Map([[10, 3]]), new Map([[10, 2]]))).toBe(0);
    expect(backendsCpuBetween(new Map([[10, 3]]), new Map())).toBe(0);
  });
});
