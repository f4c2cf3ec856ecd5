import { parseInvocation, UsageError } from './args';
import { CliError, Closable, CommandContext, CommandDefinition, IdentityPort } from './command';
import {
  connectionFailureReason,
  databaseUrlProblem,
  redactDatabaseUrl,
  resolveDatabaseUrl,
  runningEmbeddedDatabase,
} from './database-url';
import { formatHelp, formatShortUsage, PROGRAM } from './usage';

/** Exit codes: 0 done, 1 refused or failed, 2 the command line was not understood. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Everything the dispatcher touches, injected so that it runs the same in a process and in a spec. */
export interface CliEnvironment {
  commands: readonly CommandDefinition[];
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  root: string;
  /**
   * Loads the identity store's code and returns its opener. Loading is lazy so that `--help` stays
   * instant, and separate from opening so that only a connection failure reads "cannot reach the database".
   */
  loadIdentity(): Promise<(databaseUrl: string) => Promise<IdentityPort & Closable>>;
  /** Finds the embedded database the local stack runs on (default: its lock file under root). */
  findEmbeddedDatabase?: typeof runningEmbeddedDatabase;
}

/** Parses the command line, runs the command, closes what it opened; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliEnvironment): Promise<number> {
  const out = (text: string) => io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  const err = (text: string) => io.stderr(text.endsWith('\n') ? text : `${text}\n`);

  let invocation: ReturnType<typeof parseInvocation<CommandDefinition>>;
  try {
    invocation = parseInvocation(argv, io.commands);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`${PROGRAM}: ${e.message}\n\n${formatShortUsage(e.topic, io.commands)}`);
    return EXIT.usage;
  }
  if (invocation.kind === 'help') {
    out(formatHelp(invocation.topic, io.commands));
    return EXIT.ok;
  }

  const opened: Closable[] = [];
  let announcedDefault = false;
  let identity: Promise<IdentityPort> | undefined;
  const ctx: CommandContext = {
    out,
    err,
    cwd: io.cwd,
    root: io.root,
    env: io.env,
    open: async <T extends Closable>(opener: (databaseUrl: string) => Promise<T>): Promise<T> => {
      const { url, source, dataDir } = resolveDatabaseUrl(io.env, () =>
        (io.findEmbeddedDatabase ?? runningEmbeddedDatabase)(io.root, io.cwd, io.env),
      );
      if (source !== 'env' && !announcedDefault) {
        announcedDefault = true;
        err(
          source === 'embedded'
            ? `${PROGRAM}: DATABASE_URL is unset; using the embedded database npm start runs: ${url} (data in ${dataDir}).`
            : `${PROGRAM}: DATABASE_URL is unset and no embedded database is running; using ${url}.`,
        );
      }
      const problem = databaseUrlProblem(url);
      if (problem) throw new CliError(problem);
      let resource: T;
      try {
        resource = await opener(url);
      } catch (e) {
        throw new CliError(
          `cannot reach the database at ${redactDatabaseUrl(url)}: ${connectionFailureReason(e)}. Set DATABASE_URL.`,
        );
      }
      opened.push(resource);
      return resource;
    },
    identity: () => (identity ??= io.loadIdentity().then((opener) => ctx.open(opener))),
  };

  try {
    await invocation.command.run({ flags: invocation.flags, positionals: invocation.positionals }, ctx);
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e, invocation.command, io, err);
  } finally {
    for (const resource of opened.reverse()) await resource.close().catch(() => undefined);
  }
}

function reportFailure(
  e: unknown,
  command: CommandDefinition,
  io: CliEnvironment,
  err: (text: string) => void,
): number {
  if (e instanceof UsageError) {
    err(`${PROGRAM}: ${e.message}\n\n${formatShortUsage({ kind: 'command', command }, io.commands)}`);
    return EXIT.usage;
  }
  if (e instanceof CliError || isIdentityError(e)) {
    err(`${PROGRAM}: ${e.message}`);
    return EXIT.failed;
  }
  // Anything else is a bug or an outage mid-command: one line for the operator, the stack on request.
  const message = connectionFailureReason(e);
  err(
    io.env.INTELCTL_DEBUG && e instanceof Error && e.stack
      ? `${PROGRAM}: ${command.path.join(' ')} failed: ${e.stack}`
      : `${PROGRAM}: ${command.path.join(' ')} failed: ${message} (set INTELCTL_DEBUG=1 for details)`,
  );
  return EXIT.failed;
}

// The identity lib is loaded lazily (startup time), so its IdentityError class is not at hand here:
// recognise it by its name and code instead of instanceof.
function isIdentityError(e: unknown): e is Error & { code: string } {
  return (
    e instanceof Error && e.name === 'IdentityError' && typeof (e as { code?: unknown }).code === 'string'
  );
}
