import { defaultGazetteer } from '@app/contracts';
import { blockingKeys, extractFeatures, matchConfig, uniqueFeatures } from '@app/matching';
import { generateNoiseReports, generateScenario } from '@app/testing';
import { lookupKeys, preloadCases } from './bulk-preload';

const config = matchConfig({ weakLinks: true });
const gazetteer = defaultGazetteer.all();

describe('preloadCases', () => {
  const noise = generateNoiseReports(4242, 300);

  it('stores what the linking path would: unique features and their index keys, one case per report', () => {
    const { cases, skipped } = preloadCases(noise, gazetteer, config, new Set());
    expect(skipped).toBe(0);
    expect(cases).toHaveLength(noise.length);
    const g = noise[0];
    const features = uniqueFeatures(extractFeatures(g.report, 'seizure', gazetteer));
    expect(cases[0]).toMatchObject({
      caseKey: g.agencyCaseId,
      features,
      index: blockingKeys(features, config).index,
    });
    expect(new Set(cases.map((c) => c.caseKey)).size).toBe(cases.length);
  });

  it('leaves out every case storing a key the scenario looks up, and only those', () => {
    const scenario = generateScenario({ seed: 11, reports: 2000 });
    const avoid = lookupKeys(scenario.reports, gazetteer, config);
    const all = preloadCases(noise, gazetteer, config, new Set()).cases;
    const { cases, skipped } = preloadCases(noise, gazetteer, config, avoid);
    expect(skipped).toBeGreaterThan(0);
    expect(cases.length + skipped).toBe(noise.length);
    for (const c of cases) expect(c.index.filter((k) => avoid.has(k))).toEqual([]);
    const kept = new Set(cases.map((c) => c.caseKey));
    for (const c of all) if (!kept.has(c.caseKey)) expect(c.index.some((k) => avoid.has(k))).toBe(true);
  });

  it('stores a report met again (the same event id) once, counting it', () => {
    const seen = new Set<string>();
    const first = preloadCases(noise.slice(0, 200), gazetteer, config, new Set(), seen);
    const again = preloadCases(noise.slice(100), gazetteer, config, new Set(), seen);
    expect(first).toMatchObject({ repeated: 0 });
    expect(first.cases).toHaveLength(200);
    expect(again.repeated).toBe(100);
    expect(again.cases.map((c) => c.caseKey)).toEqual(noise.slice(200).map((g) => g.agencyCaseId));
  });

  it('keeps values shared between preloaded cases (the frequency counts have work to do)', () => {
    const { cases } = preloadCases(generateNoiseReports(4243, 2000), gazetteer, config, new Set());
    const holders = new Map<string, number>();
    for (const c of cases) for (const k of c.index) holders.set(k, (holders.get(k) ?? 0) + 1);
    const shared = [...holders].filter(([k, n]) => n > 1 && !k.startsWith('SP:'));
    expect(shared.length).toBeGreaterThan(0);
  });
});

describe('lookupKeys', () => {
  it('holds the probe keys of each agency case of the scenario', () => {
    const scenario = generateScenario({ seed: 3, reports: 200 });
    const keys = lookupKeys(scenario.reports, gazetteer, config);
    const g = scenario.reports[0];
    const probe = blockingKeys(uniqueFeatures(extractFeatures(g.report, g.kind, gazetteer)), config).probe;
    for (const k of probe) expect(keys.has(k)).toBe(true);
  });
});
