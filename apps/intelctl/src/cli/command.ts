import type { IdentityStore } from '@app/identity';
import { CommandSpec, ParsedFlags } from './args';

/** What the commands need of the identity store (a port, so the dispatcher can be tested with a fake). */
export type IdentityPort = Pick<
  IdentityStore,
  | 'addAgency'
  | 'importAgencies'
  | 'getAgency'
  | 'listAgencies'
  | 'createKey'
  | 'revokeKey'
  | 'listKeys'
  | 'findKey'
>;

/** Something opened against the database that the dispatcher closes when the command ends. */
export interface Closable {
  close(): Promise<void>;
}

/** What a running command may use; the dispatcher owns connections and closes them afterwards. */
export interface CommandContext {
  /** Writes one or more lines to stdout. */
  out(text: string): void;
  /** Writes one or more lines to stderr (notes that must not pollute `--json` output). */
  err(text: string): void;
  /** The directory the operator ran the command from (relative paths are resolved against it). */
  readonly cwd: string;
  /** The repository root (defaults such as deploy/seed/agencies.json are resolved against it). */
  readonly root: string;
  /** The environment (KAFKA_BROKERS, LEDGER_PUBLIC_KEYS …). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The identity store on DATABASE_URL, opened on first use. */
  identity(): Promise<IdentityPort>;
  /**
   * Opens any other database resource on DATABASE_URL (e.g. the disclosure ledger for `audit verify`):
   * the same default and notice, the same "cannot reach the database" error, closed afterwards.
   */
  open<T extends Closable>(opener: (databaseUrl: string) => Promise<T>): Promise<T>;
}

/** A command of the registry: its spec (parsing, help) and what it does. */
export interface CommandDefinition extends CommandSpec {
  run(args: { flags: ParsedFlags; positionals: string[] }, ctx: CommandContext): Promise<void>;
}

/** A refusal or failure worded for the operator (exit code 1, no stack trace). */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** The value of a value flag, or undefined when it was not given. */
export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

/** Whether a switch such as `--json` was given. */
export function switchFlag(flags: ParsedFlags, name: string): boolean {
  return flags[name] === true;
}
