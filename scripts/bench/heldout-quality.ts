// Quality on the held-out sets (docs/matching-names.md#held-out-evaluation), shared by
// bench:names and bench:correlation: the held-out generator's scenarios linked through the
// production code path (linkBatch over the in-memory repository, as linkReports runs it),
// per evidence kind, and the hand-made name-pair corpus at the two name thresholds.
import { defaultGazetteer } from '@app/contracts';
import { DEFAULT_MATCH_CONFIG, nameSimilarity, normalisePersonName } from '@app/matching';
import { linkReports } from '@app/matching/testing';
import {
  EVIDENCE_KINDS,
  generateHeldoutScenario,
  NAME_PAIRS,
  type EvidenceKind,
  type HeldoutScenario,
} from '../../libs/testing/src/heldout';

/** Sizes of the held-out scenarios. */
export interface HeldoutSizes {
  seeds: number[];
  rings: number;
  confounders: number;
}

/** Pairs of agency cases of one kind of evidence (or all). */
export interface PairCounts {
  truePairs: number;
  found: number;
  /** Linked pairs not in one ring (per kind: touching a case of a ring of that kind). */
  falsePairs: number;
}

const fmt = (n: number): string => (Number.isFinite(n) ? n.toFixed(4) : 'n/a');
const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);
const row = (label: string, value: string): string => `${label.padEnd(50)}${value}`;
const empty = (): PairCounts => ({ truePairs: 0, found: 0, falsePairs: 0 });
const add = (into: PairCounts, from: PairCounts): void => {
  into.truePairs += from.truePairs;
  into.found += from.found;
  into.falsePairs += from.falsePairs;
};

/** Precision and recall of pair counts. */
export const precisionOf = (c: PairCounts): number => ratio(c.found, c.found + c.falsePairs);
export const recallOf = (c: PairCounts): number => ratio(c.found, c.truePairs);

async function scenarioCounts(
  scenario: HeldoutScenario,
  show?: (line: string) => void,
): Promise<{ totals: PairCounts; perKind: Map<EvidenceKind, PairCounts> }> {
  const linked = await linkReports(
    scenario.reports.map((r) => ({ report: r.report, kind: r.kind })),
    { gazetteer: defaultGazetteer.all() },
  );
  const caseIds = [...scenario.truth.keys()];
  const clusterOf = new Map(caseIds.map((id) => [id, linked.clusterOf.get(id) ?? undefined]));
  const perKind = new Map<EvidenceKind, PairCounts>(EVIDENCE_KINDS.map((k) => [k, empty()]));
  const totals = empty();
  const describe = (id: string): string => {
    const report = scenario.reports.find((r) => r.caseId === id)?.report;
    const persons = report && 'persons' in report ? (report.persons ?? []) : [];
    return persons.map((p) => `${p.name} ${p.dateOfBirth ?? '-'}`).join(', ') || id;
  };
  for (let i = 0; i < caseIds.length; i++) {
    for (let j = i + 1; j < caseIds.length; j++) {
      const a = caseIds[i];
      const b = caseIds[j];
      const ra = scenario.truth.get(a);
      const rb = scenario.truth.get(b);
      const same = ra !== null && ra !== undefined && ra === rb;
      const ca = clusterOf.get(a);
      const linkedPair = ca !== undefined && ca === clusterOf.get(b);
      if (!same && !linkedPair) continue;
      if (same) {
        const kind = scenario.ringKind.get(ra)!;
        const k = perKind.get(kind)!;
        k.truePairs++;
        totals.truePairs++;
        if (linkedPair) {
          k.found++;
          totals.found++;
        } else show?.(`  missed [${kind}] ${describe(a)} | ${describe(b)}`);
      } else {
        totals.falsePairs++;
        const kinds = new Set([ra, rb].filter((r): r is string => !!r).map((r) => scenario.ringKind.get(r)!));
        for (const kind of kinds) perKind.get(kind)!.falsePairs++;
        show?.(`  false  ${describe(a)} | ${describe(b)}`);
      }
    }
  }
  return { totals, perKind };
}

/** Quality on the held-out generator's scenarios, summed over seeds. */
export interface ScenarioQuality {
  sizes: HeldoutSizes;
  perSeed: { seed: number; reports: number; counts: PairCounts }[];
  totals: PairCounts;
  perKind: Record<EvidenceKind, PairCounts>;
}

/** Links the held-out scenarios of each seed and counts pairs; `show` receives the missed and false pairs. */
export async function heldoutScenarioQuality(
  sizes: HeldoutSizes,
  show?: (line: string) => void,
): Promise<ScenarioQuality> {
  const totals = empty();
  const perKind = Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, empty()])) as Record<
    EvidenceKind,
    PairCounts
  >;
  const perSeed: ScenarioQuality['perSeed'] = [];
  for (const seed of sizes.seeds) {
    const scenario = generateHeldoutScenario({ seed, rings: sizes.rings, confounders: sizes.confounders });
    const counts = await scenarioCounts(scenario, show);
    perSeed.push({ seed, reports: scenario.reports.length, counts: counts.totals });
    add(totals, counts.totals);
    for (const [k, c] of counts.perKind) add(perKind[k], c);
  }
  return { sizes, perSeed, totals, perKind };
}

/** Prints scenario quality: per seed, all seeds, per evidence kind. */
export function printScenarioQuality(q: ScenarioQuality): void {
  console.log(
    `held-out generator: ${q.sizes.rings} rings, ${q.sizes.confounders} confounders per seed, seeds ${q.sizes.seeds.join(',')}`,
  );
  for (const s of q.perSeed) {
    console.log(
      row(
        `  seed ${s.seed}`,
        `P ${fmt(precisionOf(s.counts))}  R ${fmt(recallOf(s.counts))}  (true pairs ${s.counts.truePairs}, found ${s.counts.found}, false ${s.counts.falsePairs}; ${s.reports} reports)`,
      ),
    );
  }
  console.log(row('  all seeds', `P ${fmt(precisionOf(q.totals))}  R ${fmt(recallOf(q.totals))}`));
  for (const [k, c] of Object.entries(q.perKind)) {
    console.log(
      row(
        `  evidence ${k}`,
        `P ${fmt(precisionOf(c))}  R ${fmt(recallOf(c))}  missed ${fmt(1 - recallOf(c))}  (true ${c.truePairs}, found ${c.found}, false touching ${c.falsePairs})`,
      ),
    );
  }
}

/** Corpus pairs at one threshold: all, and by script pair. */
export interface CorpusQuality {
  label: string;
  threshold: number;
  classes: Record<string, { tp: number; fp: number; fn: number }>;
  misses: string[];
}

function scriptClass(a: string, b: string): string {
  const arabic = (s: string) => normalisePersonName(s)?.arabic === true;
  const n = Number(arabic(a)) + Number(arabic(b));
  return n === 0 ? 'latin-latin' : n === 1 ? 'arabic-latin' : 'arabic-arabic';
}

/** The name-pair corpus at the name + DOB threshold and at the support threshold. */
export function corpusQuality(): CorpusQuality[] {
  const thresholds: [string, number][] = [
    ['strong (name + DOB links)', DEFAULT_MATCH_CONFIG.nameStrongThreshold],
    ['any agreement (supports)', DEFAULT_MATCH_CONFIG.nameThreshold],
  ];
  return thresholds.map(([label, threshold]) => {
    const classes: CorpusQuality['classes'] = {};
    const misses: string[] = [];
    for (const p of NAME_PAIRS) {
      const sim = nameSimilarity(p.a, p.b);
      const predicted = sim >= threshold;
      for (const c of ['all', scriptClass(p.a, p.b)]) {
        const t = (classes[c] ??= { tp: 0, fp: 0, fn: 0 });
        if (predicted && p.same) t.tp++;
        else if (predicted) t.fp++;
        else if (p.same) t.fn++;
      }
      if (predicted !== p.same)
        misses.push(`  ${p.same ? 'missed' : 'false '} ${p.a} | ${p.b} (${sim.toFixed(3)})`);
    }
    return { label, threshold, classes, misses };
  });
}

/** Prints the corpus quality; with `showMisses`, the pairs it got wrong. */
export function printCorpusQuality(quality: readonly CorpusQuality[], showMisses: boolean): void {
  console.log('name-pair corpus (hand-made, held out)');
  console.log(row('pairs', `${NAME_PAIRS.length} (${NAME_PAIRS.filter((p) => p.same).length} same person)`));
  for (const q of quality) {
    for (const [c, t] of Object.entries(q.classes).sort(([x], [y]) => x.localeCompare(y))) {
      console.log(
        row(
          `  ${q.label} ≥ ${q.threshold}, ${c}`,
          `P ${fmt(ratio(t.tp, t.tp + t.fp))}  R ${fmt(ratio(t.tp, t.tp + t.fn))}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`,
        ),
      );
    }
    if (showMisses) for (const m of q.misses) console.log(m);
  }
}
