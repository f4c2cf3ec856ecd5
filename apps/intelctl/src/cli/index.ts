export {
  parseInvocation,
  parseArguments,
  commandGroups,
  closest,
  UsageError,
  type CommandSpec,
  type FlagSpec,
  type PositionalSpec,
  type ParsedFlags,
  type HelpTopic,
  type Invocation,
} from './args';
export {
  CliError,
  stringFlag,
  switchFlag,
  type CommandContext,
  type CommandDefinition,
  type Closable,
  type IdentityPort,
} from './command';
export {
  DEFAULT_DATABASE_URL,
  databaseUrlProblem,
  resolveDatabaseUrl,
  runningEmbeddedDatabase,
  type EmbeddedDatabase,
  redactDatabaseUrl,
  connectionFailureReason,
} from './database-url';
export { runCli, EXIT, type CliEnvironment } from './run-cli';
export { renderTable, formatTimestamp } from './table';
export { formatHelp, formatShortUsage, usageLine, PROGRAM } from './usage';
