export { CliError, stringFlag, switchFlag, type CommandContext, type CommandDefinition } from './command';
export { runCli } from './run-cli';
export { renderTable, formatTimestamp } from './table';
