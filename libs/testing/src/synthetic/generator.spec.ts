import { validateReport } from '@app/contracts';
import { normaliseContainer } from '@app/matching';
import { generateNoiseReports, generateScenario } from './generator';
import { Prng } from './prng';

describe(generateScenario.name, () => {
  const scenario = generateScenario({ seed: 3, reports: 600 });

  it('is deterministic by seed', () => {
    const again = generateScenario({ seed: 3, reports: 600 });
    expect(JSON.stringify(again.reports)).toBe(JSON.stringify(scenario.reports));
    expect([...again.truth]).toEqual([...scenario.truth]);
  });

  it('differs between seeds', () => {
    const other = generateScenario({ seed: 4, reports: 600 });
    expect(other.reports[0].report.eventId).not.toBe(scenario.reports[0].report.eventId);
  });

  it('produces exactly the requested number of reports, in reporting order', () => {
    expect(scenario.reports).toHaveLength(600);
    const times = scenario.reports.map((g) => Date.parse(g.report.reportedAt));
    expect(times.every((t, i) => i === 0 || times[i - 1] <= t)).toBe(true);
  });

  it('produces only reports that pass validateReport', () => {
    const invalid = scenario.reports
      .map((g) => ({ g, result: validateReport(g.kind, JSON.parse(JSON.stringify(g.report)) as unknown) }))
      .filter(({ result }) => !result.ok);
    expect(
      invalid.map(({ g, result }) => ({ ref: g.agencyCaseId, errors: result.ok ? [] : result.errors })),
    ).toEqual([]);
  });

  it('gives every agency case a ground-truth entry, rings spanning both countries', () => {
    expect(new Set(scenario.reports.map((g) => g.agencyCaseId))).toEqual(new Set(scenario.truth.keys()));
    const countriesByRing = new Map<string, Set<string>>();
    for (const g of scenario.reports) {
      if (g.ringId === null) continue;
      const set = countriesByRing.get(g.ringId) ?? new Set<string>();
      set.add(g.report.agencyId.slice(0, 2));
      countriesByRing.set(g.ringId, set);
    }
    const crossBorder = [...countriesByRing.values()].filter((s) => s.size === 2).length;
    expect(scenario.rings).toBeGreaterThan(10);
    expect(crossBorder / countriesByRing.size).toBeGreaterThan(0.8);
    expect([...scenario.truth.values()].filter((r) => r === null).length).toBeGreaterThan(100);
  });

  it('includes the noise matching must survive', () => {
    const text = JSON.stringify(scenario.reports.map((g) => g.report));
    expect(text).toMatch(/[۰-۹]/);
    expect(text).toMatch(/\+920000000000|0000000000/);
    expect(text).toMatch(/"plate":"(UNKNOWN|N\/A|NIL|no plate)"/);
    expect(text).toMatch(/Mohammad|Mohammed|Muhammed|Mohd/);
    expect(scenario.reports.some((g) => g.kind === 'route')).toBe(true);
  });

  it('writes container numbers in ISO 6346 shape, mostly with valid check digits', () => {
    const containers = scenario.reports.flatMap((g) =>
      'conveyances' in g.report
        ? (g.report.conveyances ?? []).flatMap((c) => (c.containerNumber ? [c.containerNumber] : []))
        : [],
    );
    const normalised = containers.map((c) => normaliseContainer(c));
    expect(normalised.every((n) => n !== null)).toBe(true);
    expect(normalised.filter((n) => n!.checkDigitValid).length / normalised.length).toBeGreaterThan(0.8);
  });
});

describe(generateNoiseReports.name, () => {
  it('produces valid, unrelated, deterministic seizures', () => {
    const reports = generateNoiseReports(5, 20);
    expect(
      reports.every(
        (g) =>
          g.ringId === null && validateReport('seizure', JSON.parse(JSON.stringify(g.report)) as unknown).ok,
      ),
    ).toBe(true);
    expect(JSON.stringify(generateNoiseReports(5, 20))).toBe(JSON.stringify(reports));
  });
});

describe(Prng.name, () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });

  it.each([
    [1, 6],
    [0, 1],
  ])('int(%i, %i) covers the range inclusively', (min, max) => {
    const r = new Prng(7);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(min, max)));
    expect([...seen].sort()).toEqual(Array.from({ length: max - min + 1 }, (_, i) => min + i));
  });

  it('draws v4 UUIDs', () => {
    expect(new Prng(1).uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
