/** The database `npm start` uses when DATABASE_URL is unset (scripts/start.js); intelctl follows it. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/intel';

/** DATABASE_URL from the environment, or the default with `defaulted: true` so the caller can say so. */
export function resolveDatabaseUrl(env: Readonly<Record<string, string | undefined>>): {
  url: string;
  defaulted: boolean;
} {
  const url = env.DATABASE_URL?.trim();
  return url ? { url, defaulted: false } : { url: DEFAULT_DATABASE_URL, defaulted: true };
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
