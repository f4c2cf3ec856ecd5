import { reportsWithinBudget, SIDE_REPORT_BYTES } from './case-linked-event';

const sized = (...bytes: number[]) => bytes.map((b, i) => ({ report: `r${i}`, bytes: b }));

describe(reportsWithinBudget.name, () => {
  it('carries every report of a case that fits, in the order received', () => {
    expect(reportsWithinBudget(sized(100, 200, 300))).toEqual(['r0', 'r1', 'r2']);
  });

  it('drops the oldest reports of a case too large for one record, never the newest', () => {
    // Six reports of the largest size allowed (256 KiB) would make a record the broker refuses.
    const big = 256 * 1024;
    expect(reportsWithinBudget(sized(big, big, big, big, big, big))).toEqual(['r5']);
    expect(reportsWithinBudget(sized(300, 100, 50), 160)).toEqual(['r1', 'r2']);
    // The newest goes even alone over the budget: a link always shows its latest report.
    expect(reportsWithinBudget(sized(10, SIDE_REPORT_BYTES + 1))).toEqual(['r1']);
  });

  it('keeps a contiguous run of the newest (an older small report does not skip a larger newer one)', () => {
    expect(reportsWithinBudget(sized(10, 500, 20), 100)).toEqual(['r2']);
  });
});
