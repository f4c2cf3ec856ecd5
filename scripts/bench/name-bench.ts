// bench:names: pairwise precision and recall of name matching on data the matcher was never
// tuned on (docs/matching-names.md#held-out-evaluation): the hand-made name-pair corpus, and
// the held-out generator's scenarios linked through the production code path (linkBatch over the
// in-memory repository, as linkReports runs it).
//
//   npm run bench:names                                  # seeds 1,2,3; 150 rings, 400 confounders
//   npm run bench:names -- --seeds 4 --rings 300 --confounders 800
//   npm run bench:names -- --seeds 21,22,23              # the unseen check of the last stage (docs)
//   npm run bench:names -- --tiny                        # a few rings: a smoke test
//   npm run bench:names -- --show-misses                 # list the missed and false pairs
import {
  corpusQuality,
  heldoutScenarioQuality,
  printCorpusQuality,
  printScenarioQuality,
} from './heldout-quality';

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

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  printCorpusQuality(corpusQuality(), args.showMisses);
  const quality = await heldoutScenarioQuality(
    { seeds: args.seeds, rings: args.rings, confounders: args.confounders },
    args.showMisses ? (line) => console.log(line) : undefined,
  );
  printScenarioQuality(quality);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
