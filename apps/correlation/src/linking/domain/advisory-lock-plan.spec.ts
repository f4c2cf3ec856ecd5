import { advisoryLockPlan } from './advisory-lock-plan';

describe(advisoryLockPlan.name, () => {
  it.each([
    [[], [], [], []],
    [['PL:KBL4521'], ['PL:KBL4521'], ['PL:KBL4521'], [true]],
    [['SP:25:1:2'], [], ['SP:25:1:2'], [false]],
    [['PH:+92300', 'SP:25:1:2'], ['PH:+92300'], ['PH:+92300', 'SP:25:1:2'], [true, false]],
    [['B', 'A'], ['C'], ['A', 'B', 'C'], [false, false, true]],
  ])('index %j probe %j → %j %j', (index, probe, keys, exclusive) => {
    expect(advisoryLockPlan(index, probe)).toEqual({ keys, exclusive });
  });
});
