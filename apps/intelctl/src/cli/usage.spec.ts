import { COMMANDS } from '../commands';
import { CommandSpec } from './args';
import { formatHelp, formatShortUsage, usageLine } from './usage';

const revoke: CommandSpec = {
  path: ['keys', 'revoke'],
  summary: 'Revoke an API key',
  flags: [{ name: 'json', description: 'Print JSON' }],
  positionals: [{ name: 'keyId', required: true, description: 'The key id' }],
  examples: ['intelctl keys revoke 3f9c2a1b7d6e5f40'],
};

describe(usageLine.name, () => {
  it.each<[string, CommandSpec, string]>([
    [
      'required and optional flags',
      COMMANDS.find((c) => c.path.join(' ') === 'keys create')!,
      'intelctl keys create --role <publisher|liaison|operator> [--agency <id>] [--label <text>] [--json]',
    ],
    ['a required positional', revoke, 'intelctl keys revoke <keyId> [--json]'],
    [
      'an optional positional',
      COMMANDS.find((c) => c.path.join(' ') === 'agencies import')!,
      'intelctl agencies import [<file>] [--json]',
    ],
  ])('shows %s', (_, spec, line) => {
    expect(usageLine(spec)).toBe(line);
  });
});

describe(formatHelp.name, () => {
  it('lists every registered command in the overview', () => {
    const text = formatHelp({ kind: 'overview' }, COMMANDS);
    for (const c of COMMANDS) expect(text).toContain(`  ${c.path.join(' ')}`);
    expect(text).toContain(
      'DATABASE_URL; unset, the embedded database npm start runs, else postgres://postgres@127.0.0.1:5432/intel',
    );
  });

  it('lists only the commands of a group', () => {
    const text = formatHelp({ kind: 'group', group: 'keys' }, COMMANDS);
    expect(text).toContain('keys revoke');
    expect(text).not.toContain('agencies');
  });

  it('describes every argument, flag and example of a command', () => {
    expect(formatHelp({ kind: 'command', command: revoke }, COMMANDS)).toBe(
      [
        'Usage: intelctl keys revoke <keyId> [--json]',
        '',
        'Revoke an API key.',
        '',
        'Arguments and flags:',
        '  <keyId>     The key id',
        '  --json      Print JSON',
        '  --help, -h  Show this help',
        '',
        'Examples:',
        '  intelctl keys revoke 3f9c2a1b7d6e5f40',
      ].join('\n'),
    );
  });
});

describe(formatShortUsage.name, () => {
  it('points from a command mistake to the command help', () => {
    expect(formatShortUsage({ kind: 'command', command: revoke }, COMMANDS)).toBe(
      'Usage: intelctl keys revoke <keyId> [--json]\nRun "intelctl keys revoke --help" for details.',
    );
  });
});
