// bench:names: pairwise precision and recall of name matching on data the matcher was never
// tuned on (docs/matching-names.md#held-out-evaluation): the hand-made name-pair corpus, and
// the held-out generator's scenarios run through the Engine libs/matching exports.
//
//   npm run bench:names                                  # seeds 1,2,3; 150 rings, 400 confounders
//   npm run bench:names -- --seeds 4 --rings 300 --confounders 800
//   npm run bench:names -- --tiny                        # a few rings: a smoke test
//   npm run bench:names -- --show-misses                 # list the missed and false pairs
import { defaultGazetteer } from '@app/contracts';
import { DEFAULT_MATCH_CONFIG, Engine, nameSimilarity, normalisePersonName } from '@app/matching';
import {
  EVIDENCE_KINDS,
  generateHeldoutScenario,
  NAME_PAIRS,
  type EvidenceKind,
  type HeldoutScenario,
} from '../../libs/testing/src/heldout';

interface Args {
  seeds: number[];
  rings: number;
  confounders: number;
  showMisses: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { seeds: [1, 2, 3], rings: 150, confounders: 400, showMisses: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--tiny') {
      args.seeds = [1];
      args.rings = 10;
      args.confounders = 20;
    } else if (flag === '--show-misses') args.showMisses = true;
    else if (flag === '--seeds' && value) {
      args.seeds = value.split(',').map(Number);
      i++;
    } else if (flag === '--seed' && value) {
      args.seeds = [Number(value)];
      i++;
    } else if (flag === '--rings' && value) {
      args.rings = Number(value);
      i++;
    } else if (flag === '--confounders' && value) {
      args.confounders = Number(value);
      i++;
    } else throw new Error(`unknown argument ${flag} (see scripts/bench/name-bench.ts)`);
  }
  return args;
}

const fmt = (n: number): string => (Number.isFinite(n) ? n.toFixed(4) : 'n/a');
const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);
const row = (label: string, value: string | number): string => `${label.padEnd(50)}${value}`;

// ---- corpus ------------------------------------------------------------------------------

function scriptClass(a: string, b: string): string {
  const arabic = (s: string) => normalisePersonName(s)?.arabic === true;
  const n = Number(arabic(a)) + Number(arabic(b));
  return n === 0 ? 'latin-latin' : n === 1 ? 'arabic-latin' : 'arabic-arabic';
}

function corpus(args: Args): void {
  console.log('name-pair corpus (hand-made, held out)');
  console.log(row('pairs', `${NAME_PAIRS.length} (${NAME_PAIRS.filter((p) => p.same).length} same person)`));
  const thresholds: [string, number][] = [
    ['strong (name + DOB links)', DEFAULT_MATCH_CONFIG.nameStrongThreshold],
    ['any agreement (supports)', DEFAULT_MATCH_CONFIG.nameThreshold],
  ];
  for (const [label, threshold] of thresholds) {
    const classes = new Map<string, { tp: number; fp: number; fn: number }>();
    const misses: string[] = [];
    for (const p of NAME_PAIRS) {
      const sim = nameSimilarity(p.a, p.b);
      const predicted = sim >= threshold;
      for (const c of ['all', scriptClass(p.a, p.b)]) {
        const t = classes.get(c) ?? { tp: 0, fp: 0, fn: 0 };
        if (predicted && p.same) t.tp++;
        else if (predicted) t.fp++;
        else if (p.same) t.fn++;
        classes.set(c, t);
      }
      if (predicted !== p.same)
        misses.push(`  ${p.same ? 'missed' : 'false '} ${p.a} | ${p.b} (${sim.toFixed(3)})`);
    }
    for (const [c, t] of [...classes].sort()) {
      console.log(
        row(
          `  ${label} ≥ ${threshold}, ${c}`,
          `P ${fmt(ratio(t.tp, t.tp + t.fp))}  R ${fmt(ratio(t.tp, t.tp + t.fn))}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`,
        ),
      );
    }
    if (args.showMisses) for (const m of misses) console.log(m);
  }
}

// ---- held-out scenarios ------------------------------------------------------------------

interface KindCounts {
  truePairs: number;
  found: number;
  falsePairs: number;
}

function evaluate(
  scenario: HeldoutScenario,
  args: Args,
): { totals: KindCounts; perKind: Map<EvidenceKind, KindCounts> } {
  const engine = new Engine({ gazetteer: defaultGazetteer.all() });
  scenario.reports.forEach((r, i) => engine.ingest(r.report, 'seizure', i));
  const caseIds = [...scenario.truth.keys()];
  const clusterOf = new Map(caseIds.map((id) => [id, engine.clusterOf(id)?.id]));
  const perKind = new Map<EvidenceKind, KindCounts>(
    EVIDENCE_KINDS.map((k) => [k, { truePairs: 0, found: 0, falsePairs: 0 }]),
  );
  const totals: KindCounts = { truePairs: 0, found: 0, falsePairs: 0 };
  const nameOf = (id: string) =>
    scenario.reports
      .find((r) => r.caseId === id)
      ?.report.persons?.map((p) => `${p.name} ${p.dateOfBirth ?? '-'}`)
      .join(', ') ?? '';
  for (let i = 0; i < caseIds.length; i++) {
    for (let j = i + 1; j < caseIds.length; j++) {
      const a = caseIds[i];
      const b = caseIds[j];
      const ra = scenario.truth.get(a);
      const rb = scenario.truth.get(b);
      const same = ra !== null && ra !== undefined && ra === rb;
      const ca = clusterOf.get(a);
      const linked = ca !== undefined && ca === clusterOf.get(b);
      if (!same && !linked) continue;
      const kinds = new Set([ra, rb].filter((r): r is string => !!r).map((r) => scenario.ringKind.get(r)!));
      if (same) {
        const k = perKind.get(scenario.ringKind.get(ra)!)!;
        k.truePairs++;
        totals.truePairs++;
        if (linked) {
          k.found++;
          totals.found++;
        } else if (args.showMisses)
          console.log(`  missed [${scenario.ringKind.get(ra)}] ${nameOf(a)} | ${nameOf(b)}`);
      } else {
        totals.falsePairs++;
        for (const kind of kinds) perKind.get(kind)!.falsePairs++;
        if (args.showMisses) console.log(`  false  ${nameOf(a)} | ${nameOf(b)}`);
      }
    }
  }
  return { totals, perKind };
}

function heldout(args: Args): void {
  console.log(
    `held-out generator: ${args.rings} rings, ${args.confounders} confounders per seed, seeds ${args.seeds.join(',')}`,
  );
  const sum: KindCounts = { truePairs: 0, found: 0, falsePairs: 0 };
  const sumKind = new Map<EvidenceKind, KindCounts>(
    EVIDENCE_KINDS.map((k) => [k, { truePairs: 0, found: 0, falsePairs: 0 }]),
  );
  for (const seed of args.seeds) {
    const scenario = generateHeldoutScenario({ seed, rings: args.rings, confounders: args.confounders });
    const { totals, perKind } = evaluate(scenario, args);
    const correct = totals.found;
    console.log(
      row(
        `  seed ${seed}`,
        `P ${fmt(ratio(correct, correct + totals.falsePairs))}  R ${fmt(ratio(correct, totals.truePairs))}  (true pairs ${totals.truePairs}, found ${correct}, false ${totals.falsePairs}; ${scenario.reports.length} reports)`,
      ),
    );
    sum.truePairs += totals.truePairs;
    sum.found += totals.found;
    sum.falsePairs += totals.falsePairs;
    for (const [k, c] of perKind) {
      const s = sumKind.get(k)!;
      s.truePairs += c.truePairs;
      s.found += c.found;
      s.falsePairs += c.falsePairs;
    }
  }
  console.log(
    row(
      '  all seeds',
      `P ${fmt(ratio(sum.found, sum.found + sum.falsePairs))}  R ${fmt(ratio(sum.found, sum.truePairs))}`,
    ),
  );
  for (const [k, c] of sumKind) {
    console.log(
      row(
        `  evidence ${k}`,
        `P ${fmt(ratio(c.found, c.found + c.falsePairs))}  R ${fmt(ratio(c.found, c.truePairs))}  missed ${fmt(1 - ratio(c.found, c.truePairs))}  (true ${c.truePairs}, found ${c.found}, false touching ${c.falsePairs})`,
      ),
    );
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  corpus(args);
  heldout(args);
}

main();
