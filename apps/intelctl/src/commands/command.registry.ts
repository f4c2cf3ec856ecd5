import type { CommandDefinition } from '../cli';
import { AGENCY_COMMANDS } from './agencies.commands';
import { AUDIT_COMMANDS } from './audit.commands';
import { KEY_COMMANDS } from './keys.commands';

/**
 * Every intelctl command. Parsing, dispatch and help are driven by this list alone: a new
 * command is one CommandDefinition (path, flags, run) added here, nothing else to wire.
 */
export const COMMANDS: readonly CommandDefinition[] = [
  ...AGENCY_COMMANDS,
  ...KEY_COMMANDS,
  ...AUDIT_COMMANDS,
];
