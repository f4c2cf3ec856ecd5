import { CommandSpec, commandGroups, HelpTopic } from './args';
import { DEFAULT_DATABASE_URL } from './database-url';

/** The program name as operators type it. */
export const PROGRAM = 'intelctl';

/** One synopsis line: `intelctl keys revoke <keyId> [--json]`. */
export function usageLine(spec: CommandSpec): string {
  const positionals = (spec.positionals ?? []).map((p) => (p.required ? `<${p.name}>` : `[<${p.name}>]`));
  const flags = spec.flags.map((f) => {
    const text = f.value === undefined ? `--${f.name}` : `--${f.name} <${f.value}>`;
    return f.required ? text : `[${text}]`;
  });
  return [PROGRAM, ...spec.path, ...positionals, ...flags].join(' ');
}

/** The full help text of a topic: overview, a group of commands, or one command. */
export function formatHelp(topic: HelpTopic, commands: readonly CommandSpec[]): string {
  switch (topic.kind) {
    case 'overview':
      return overview(commands);
    case 'group':
      return group(topic.group, commands);
    case 'command':
      return command(topic.command);
  }
}

/** The short usage shown under an error message: enough to fix the line, with a pointer to the full help. */
export function formatShortUsage(topic: HelpTopic, commands: readonly CommandSpec[]): string {
  switch (topic.kind) {
    case 'overview':
      return `${commandList(commands)}\nRun "${PROGRAM} help <command>" for a command's flags.`;
    case 'group':
      return `${commandList(commands.filter((c) => c.path[0] === topic.group))}\nRun "${PROGRAM} ${topic.group} <command> --help" for its flags.`;
    case 'command':
      return `Usage: ${usageLine(topic.command)}\nRun "${PROGRAM} ${topic.command.path.join(' ')} --help" for details.`;
  }
}

function overview(commands: readonly CommandSpec[]): string {
  return [
    `${PROGRAM}: the operator CLI of the border-intel platform (agencies and API keys).`,
    '',
    `Usage: ${PROGRAM} <command> [arguments] [flags]`,
    '',
    commandList(commands),
    `  ${'help [<command>]'.padEnd(commandWidth(commands))}  Show the help of a command`,
    '',
    `Every command takes --help, and --json for machine-readable output.`,
    `Database: DATABASE_URL; unset, the embedded database npm start runs, else ${DEFAULT_DATABASE_URL}.`,
    'Exit codes: 0 done, 1 refused or failed (bad value, unknown id, database unreachable), 2 usage error.',
  ].join('\n');
}

function group(name: string, commands: readonly CommandSpec[]): string {
  const members = commands.filter((c) => c.path[0] === name);
  return (
    [`Usage: ${PROGRAM} ${name} <command> [arguments] [flags]`, '', commandList(members), ''].join('\n') +
    `Run "${PROGRAM} ${name} <command> --help" for its flags.`
  );
}

function command(spec: CommandSpec): string {
  const lines = [`Usage: ${usageLine(spec)}`, '', spec.summary + '.'];
  if (spec.details) lines.push('', spec.details);
  const rows = [
    ...(spec.positionals ?? []).map((p) => [
      `<${p.name}>`,
      p.description + (p.required ? '' : ' (optional)'),
    ]),
    ...spec.flags.map((f) => [
      f.value === undefined ? `--${f.name}` : `--${f.name} <${f.value}>`,
      f.description + (f.required ? ' (required)' : ''),
    ]),
    ['--help, -h', 'Show this help'],
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  lines.push('', 'Arguments and flags:', ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`));
  if (spec.examples?.length) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}

function commandWidth(commands: readonly CommandSpec[]): number {
  return Math.max('help [<command>]'.length, ...commands.map((c) => c.path.join(' ').length));
}

function commandList(commands: readonly CommandSpec[]): string {
  const width = commandWidth(commands);
  const lines = ['Commands:'];
  for (const name of commandGroups(commands)) {
    for (const c of commands.filter((x) => x.path[0] === name)) {
      lines.push(`  ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
    }
  }
  return lines.join('\n');
}
