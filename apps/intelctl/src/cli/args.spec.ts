import { closest, CommandSpec, HelpTopic, parseInvocation, UsageError } from './args';

const create: CommandSpec = {
  path: ['keys', 'create'],
  summary: 'Create a key',
  flags: [
    { name: 'role', value: 'role', required: true, description: 'role' },
    { name: 'agency', value: 'id', description: 'agency' },
    { name: 'label', value: 'text', description: 'label' },
    { name: 'json', description: 'json' },
  ],
};
const revoke: CommandSpec = {
  path: ['keys', 'revoke'],
  summary: 'Revoke a key',
  flags: [{ name: 'json', description: 'json' }],
  positionals: [{ name: 'keyId', required: true, description: 'id' }],
};
const importCmd: CommandSpec = {
  path: ['agencies', 'import'],
  summary: 'Import',
  flags: [],
  positionals: [{ name: 'file', description: 'file' }],
};
const COMMANDS = [create, revoke, importCmd];

function usageErrorOf(argv: string[]): UsageError {
  try {
    parseInvocation(argv, COMMANDS);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error(`expected a usage error for: ${argv.join(' ')}`);
}

describe(parseInvocation.name, () => {
  it.each<[string, string[], CommandSpec, Record<string, string | true>, string[]]>([
    ['a value flag', ['keys', 'create', '--role', 'operator'], create, { role: 'operator' }, []],
    [
      'several flags in any order',
      ['keys', 'create', '--agency', 'PK-ANF', '--role', 'publisher', '--label', 'ANF CMS'],
      create,
      { agency: 'PK-ANF', role: 'publisher', label: 'ANF CMS' },
      [],
    ],
    [
      '--flag=value',
      ['keys', 'create', '--role=liaison', '--agency=AF-CNPA'],
      create,
      { role: 'liaison', agency: 'AF-CNPA' },
      [],
    ],
    [
      'an empty value',
      ['keys', 'create', '--role', 'publisher', '--label', ''],
      create,
      { role: 'publisher', label: '' },
      [],
    ],
    [
      'a value with "=" in it',
      ['keys', 'create', '--role=x', '--label=a=b'],
      create,
      { role: 'x', label: 'a=b' },
      [],
    ],
    [
      'a value that starts with a single dash',
      ['keys', 'create', '--role', 'x', '--label', '-x-'],
      create,
      { role: 'x', label: '-x-' },
      [],
    ],
    [
      'a switch',
      ['keys', 'create', '--role', 'operator', '--json'],
      create,
      { role: 'operator', json: true },
      [],
    ],
    ['a positional', ['keys', 'revoke', '3f9c2a1b7d6e5f40'], revoke, {}, ['3f9c2a1b7d6e5f40']],
    ['a positional after a switch', ['keys', 'revoke', '--json', 'abc'], revoke, { json: true }, ['abc']],
    ['a positional after --', ['keys', 'revoke', '--', '--odd'], revoke, {}, ['--odd']],
    ['an optional positional left out', ['agencies', 'import'], importCmd, {}, []],
    ['an optional positional given', ['agencies', 'import', 'seed.json'], importCmd, {}, ['seed.json']],
  ])('parses %s', (_, argv, command, flags, positionals) => {
    expect(parseInvocation(argv, COMMANDS)).toEqual({ kind: 'run', command, flags, positionals });
  });

  it.each<[string, string[], HelpTopic]>([
    ['help', ['help'], { kind: 'overview' }],
    ['--help', ['--help'], { kind: 'overview' }],
    ['-h', ['-h'], { kind: 'overview' }],
    ['help of a group', ['help', 'keys'], { kind: 'group', group: 'keys' }],
    ['--help after a group', ['keys', '--help'], { kind: 'group', group: 'keys' }],
    ['help of a command', ['help', 'keys', 'create'], { kind: 'command', command: create }],
    ['--help after a command', ['keys', 'create', '--help'], { kind: 'command', command: create }],
    ['-h after a command', ['keys', 'revoke', '-h'], { kind: 'command', command: revoke }],
    [
      '--help beside other mistakes',
      ['keys', 'create', '--bogus', '--help'],
      { kind: 'command', command: create },
    ],
    ['--help without the required flags', ['keys', 'revoke', '--help'], { kind: 'command', command: revoke }],
  ])('answers %s with help', (_, argv, topic) => {
    expect(parseInvocation(argv, COMMANDS)).toEqual({ kind: 'help', topic });
  });

  it.each<[string, string[], string, HelpTopic['kind']]>([
    ['nothing', [], 'no command given', 'overview'],
    ['an unknown command', ['frobnicate'], 'unknown command "frobnicate"', 'overview'],
    ['a misspelt group', ['kyes', 'list'], 'unknown command "kyes"; did you mean "keys"?', 'overview'],
    ['an unknown subcommand', ['keys', 'rotate'], 'unknown command "keys rotate"', 'group'],
    [
      'a misspelt subcommand',
      ['keys', 'revok', 'x'],
      'unknown command "keys revok"; did you mean "keys revoke"?',
      'group',
    ],
    ['a group alone', ['keys'], '"keys" needs a subcommand: create, revoke', 'group'],
    [
      'a flag before the command',
      ['--json', 'keys', 'list'],
      'unknown flag --json; flags go after the command',
      'overview',
    ],
    ['help on an unknown topic', ['help', 'nope'], 'unknown command "nope"', 'overview'],
    [
      'an unknown flag',
      ['keys', 'create', '--role', 'x', '--colour'],
      'unknown flag --colour for "keys create"',
      'command',
    ],
    [
      'a misspelt flag',
      ['keys', 'create', '--rol', 'x'],
      'unknown flag --rol for "keys create"; did you mean --role?',
      'command',
    ],
    [
      'an unknown --flag=value',
      ['keys', 'create', '--role=x', '--agencyy=PK-ANF'],
      'unknown flag --agencyy for',
      'command',
    ],
    ['a short flag', ['keys', 'create', '-r', 'x'], 'unknown flag -r for "keys create"', 'command'],
    [
      'a value flag at the end',
      ['keys', 'create', '--role'],
      '--role needs a value (--role <role>)',
      'command',
    ],
    [
      'a value flag followed by a flag',
      ['keys', 'create', '--agency', '--role', 'x'],
      '--agency needs a value',
      'command',
    ],
    [
      'a switch given a value',
      ['keys', 'create', '--role', 'x', '--json=yes'],
      '--json takes no value',
      'command',
    ],
    [
      'a flag given twice',
      ['keys', 'create', '--role', 'x', '--role', 'y'],
      '--role is given more than once',
      'command',
    ],
    [
      'a missing required flag',
      ['keys', 'create', '--agency', 'PK-ANF'],
      'missing --role <role> for "keys create"',
      'command',
    ],
    ['a missing positional', ['keys', 'revoke'], 'missing <keyId> for "keys revoke"', 'command'],
    [
      'an extra positional',
      ['keys', 'revoke', 'a', 'b'],
      'unexpected argument "b" for "keys revoke"',
      'command',
    ],
    [
      'a positional where none is taken',
      ['keys', 'create', '--role', 'x', 'extra'],
      'unexpected argument "extra"',
      'command',
    ],
  ])('rejects %s', (_, argv, message, topic) => {
    const e = usageErrorOf(argv);
    expect(e.message).toContain(message);
    expect(e.topic.kind).toBe(topic);
  });

  it('names the command whose usage to show for a flag mistake', () => {
    expect(usageErrorOf(['keys', 'revoke', '--force', 'x']).topic).toEqual({
      kind: 'command',
      command: revoke,
    });
  });
});

describe(closest.name, () => {
  it.each<[string, string[], string | undefined]>([
    ['agncy', ['agency', 'role'], 'agency'],
    ['role', ['agency', 'role'], 'role'],
    ['colour', ['agency', 'role'], undefined],
    ['lst', ['add', 'list', 'import'], 'list'],
    ['x', [], undefined],
  ])('suggests for %s among %j: %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});
