import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from './cli';
import { COMMANDS } from './commands';

/** Runs intelctl with this process's arguments and environment; resolves to the exit code. */
export async function main(
  argv: readonly string[] = process.argv.slice(2),
  root = findRoot(__dirname),
): Promise<number> {
  return runCli(argv, {
    commands: COMMANDS,
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    root,
    // Loaded on first use: the identity lib pulls in TypeORM and Nest, which `--help` does not need.
    loadIdentity: async () => (await import('./identity.opener')).openIdentityStore,
  });
}

/** The project root: the nearest directory above `from` holding package.json and deploy/ (source and dist alike). */
export function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'deploy'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
