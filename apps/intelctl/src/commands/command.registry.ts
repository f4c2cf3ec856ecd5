import type { CommandDefinition } from '../cli';
import { AGENCY_COMMANDS } from './agencies.commands';
import { KEY_COMMANDS } from './keys.commands';

/**
 * Every intelctl command. Parsing, dispatch and help are driven by this list alone: a new
 * command is one CommandDefinition (path, flags, run) added here, nothing else to wire.
 */
export const COMMANDS: readonly CommandDefinition[] = [
  ...AGENCY_COMMANDS,
  ...KEY_COMMANDS,
  // `intelctl audit verify` (issue 5, disclosure ledger) goes here: write commands/audit.commands.ts
  // exporting AUDIT_COMMANDS with path ['audit', 'verify'], open the ledger with
  // ctx.open((url) => …) so it gets the DATABASE_URL default, the "cannot reach" error and closing,
  // throw CliError naming the first broken record (exit 1), and spread AUDIT_COMMANDS in here.
];
