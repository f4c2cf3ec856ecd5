import { validateReport } from '@app/contracts';
import { EVIDENCE_KINDS, generateHeldoutScenario } from './generator';
import { NAME_PAIRS } from './name-pairs';

describe(generateHeldoutScenario.name, () => {
  const scenario = generateHeldoutScenario({ seed: 5, rings: 40, confounders: 60 });

  it('is the same for the same seed', () => {
    const again = generateHeldoutScenario({ seed: 5, rings: 40, confounders: 60 });
    expect(again.reports.map((r) => r.report)).toEqual(scenario.reports.map((r) => r.report));
  });

  it('gives every agency case a ring or none, every ring two or three cases and a kind of evidence', () => {
    expect(scenario.reports.every((r) => scenario.truth.has(r.caseId))).toBe(true);
    const sizes = new Map<string, number>();
    for (const ring of scenario.truth.values()) if (ring) sizes.set(ring, (sizes.get(ring) ?? 0) + 1);
    // 40 rings of seizures and 8 route rings (a route report and the seizures on it).
    expect(sizes.size).toBe(48);
    expect([...sizes.values()].every((n) => n === 2 || n === 3)).toBe(true);
    expect(new Set(scenario.ringKind.values())).toEqual(new Set(EVIDENCE_KINDS));
    // 60 confounders, and beside each seizure on a route a coincidence at its crossing.
    const onRoutes = [...scenario.truth].filter(
      ([id, ring]) => id.startsWith('seizure:') && ring?.startsWith('route-'),
    );
    expect([...scenario.truth.values()].filter((r) => r === null)).toHaveLength(60 + onRoutes.length);
  });

  it('writes a share of names in Arabic script, some without a date of birth', () => {
    const persons = scenario.reports.flatMap((r) => ('persons' in r.report ? (r.report.persons ?? []) : []));
    const arabic = persons.filter((p) => /[\u0600-\u06ff]/u.test(p.name ?? ''));
    expect(arabic.length / persons.length).toBeGreaterThan(0.15);
    expect(persons.some((p) => p.dateOfBirth === undefined)).toBe(true);
  });

  it('produces reports the contract accepts', () => {
    const sample = [...scenario.reports.slice(0, 50), ...scenario.reports.filter((r) => r.kind === 'route')];
    for (const { kind, report } of sample) {
      const result = validateReport(kind, report);
      expect(result.ok ? [] : result.errors).toEqual([]);
    }
  });
});

describe('NAME_PAIRS', () => {
  it('holds at least 200 distinct pairs with both answers', () => {
    expect(new Set(NAME_PAIRS.map((p) => `${p.a}|${p.b}`)).size).toBeGreaterThanOrEqual(200);
    expect(NAME_PAIRS.some((p) => p.same)).toBe(true);
    expect(NAME_PAIRS.some((p) => !p.same)).toBe(true);
  });
});
