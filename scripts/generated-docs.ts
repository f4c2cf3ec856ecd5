// The documents generated from the code (npm run openapi, asyncapi, config:reference), written
// one way: each file that differs is rewritten, or with `--check` only named (exit 1).
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');

/**
 * Writes the documents (path from the repository root → text) that differ from what is on disk;
 * with `--check` in `argv` writes nothing and names each stale one. The exit code: 1 when a
 * document is stale under `--check`.
 */
export function writeGeneratedDocs(
  docs: ReadonlyMap<string, string>,
  argv: readonly string[],
  command: string,
): number {
  let stale = 0;
  for (const [file, wanted] of docs) {
    const full = path.join(ROOT, file);
    const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
    if (current === wanted) {
      process.stdout.write(`${file} is up to date\n`);
    } else if (argv.includes('--check')) {
      process.stderr.write(`${file} is out of date: run \`${command}\`\n`);
      stale++;
    } else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, wanted);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
  return stale === 0 ? 0 : 1;
}

/** Runs a generator's `main` when the file is the entry point, exiting with its code (1 when it throws). */
export function runGenerator(
  entry: NodeModule,
  main: (argv: readonly string[]) => Promise<number> | number,
): void {
  if (require.main !== entry) return;
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => process.exit(code),
      (e: unknown) => {
        process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
        process.exit(1);
      },
    );
}
