import * as fs from 'node:fs';
import * as path from 'node:path';

/** The database of a local PostgreSQL server, used when DATABASE_URL is unset and no embedded database runs. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/intel';

/** The embedded database `npm start` runs when DATABASE_URL is unset (scripts/embedded-db.js). */
export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
}

/** Where the database came from: DATABASE_URL, the running embedded database, or the default. */
export type DatabaseSource = 'env' | 'embedded' | 'default';

/**
 * DATABASE_URL from the environment; else the embedded database the local stack runs on, when one
 * runs; else the default. `source` says which, so the caller can tell the operator.
 */
export function resolveDatabaseUrl(
  env: Readonly<Record<string, string | undefined>>,
  findEmbedded: () => EmbeddedDatabase | null = () => null,
): { url: string; source: DatabaseSource; dataDir?: string } {
  const url = env.DATABASE_URL?.trim();
  if (url) return { url, source: 'env' };
  const embedded = findEmbedded();
  if (embedded) return { url: embedded.url, source: 'embedded', dataDir: embedded.dataDir };
  return { url: DEFAULT_DATABASE_URL, source: 'default' };
}

/**
 * The embedded database serving `EMBEDDED_DB_DIR` (default `<root>/.data/pglite`, as scripts/start.js),
 * or null. Its server keeps `<data dir>.pid` while it runs: its pid, then the URL it serves once
 * it listens. A lock left by a process that is gone is not a running database.
 */
export function runningEmbeddedDatabase(
  root: string,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): EmbeddedDatabase | null {
  const dataDir = env.EMBEDDED_DB_DIR?.trim()
    ? path.resolve(cwd, env.EMBEDDED_DB_DIR.trim())
    : path.join(root, '.data', 'pglite');
  let text: string;
  try {
    text = fs.readFileSync(`${dataDir}.pid`, 'utf8');
  } catch {
    return null;
  }
  const [pidLine = '', url = ''] = text.split('\n').map((line) => line.trim());
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !/^postgres(ql)?:\/\//.test(url)) return null;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return null; // EPERM: alive, another user's
  }
  return { url, dataDir };
}

/** Why a DATABASE_URL cannot be used, or null; the message never repeats a password. */
export function databaseUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `DATABASE_URL "${redactDatabaseUrl(url)}" is not a URL; expected e.g. ${DEFAULT_DATABASE_URL}`;
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    return `DATABASE_URL "${redactDatabaseUrl(url)}" is not a PostgreSQL URL (postgres://…); expected e.g. ${DEFAULT_DATABASE_URL}`;
  }
  return null;
}

/** The URL without its password (in the userinfo or a `password` query parameter), safe to print. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.searchParams.delete('password');
    return parsed.toString();
  } catch {
    // Not a URL at all: still never echo anything that might be a secret after a colon.
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@');
  }
}

/**
 * Why a connection failed, in one line. Node reports a refused connection to a host with
 * several addresses as an AggregateError with an empty message, so look inside it.
 */
export function connectionFailureReason(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length > 0) return connectionFailureReason(e.errors[0]);
  if (e instanceof Error) {
    const code = (e as Error & { code?: unknown }).code;
    const message = e.message.trim();
    if (message) return message;
    if (typeof code === 'string') return code;
    return e.name;
  }
  return String(e);
}
