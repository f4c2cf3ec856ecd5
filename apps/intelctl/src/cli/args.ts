/** A flag a command accepts: `--name value` / `--name=value`, or a switch such as `--json` when `value` is absent. */
export interface FlagSpec {
  /** Name without the dashes, e.g. `agency`. */
  name: string;
  /** Placeholder of the value in usage text, e.g. `id`; absent for a switch. */
  value?: string;
  required?: boolean;
  description: string;
}

/** A positional argument of a command, e.g. `<keyId>`. */
export interface PositionalSpec {
  name: string;
  required?: boolean;
  description: string;
}

/** What the parser and the help text need to know about a command (no behaviour). */
export interface CommandSpec {
  /** The words that name it, e.g. `['keys', 'create']`. */
  path: readonly string[];
  summary: string;
  /** Longer explanation shown by `--help`. */
  details?: string;
  flags: readonly FlagSpec[];
  positionals?: readonly PositionalSpec[];
  examples?: readonly string[];
}

/** Values of the flags given: a string for value flags, `true` for switches. */
export type ParsedFlags = Readonly<Record<string, string | true>>;

/** What a help request or a usage error is about. */
export type HelpTopic =
  { kind: 'overview' } | { kind: 'group'; group: string } | { kind: 'command'; command: CommandSpec };

/** A command line understood: either help to show, or a command to run with its arguments. */
export type Invocation<S extends CommandSpec> =
  { kind: 'help'; topic: HelpTopic } | { kind: 'run'; command: S; flags: ParsedFlags; positionals: string[] };

/** A command line that cannot be understood (exit code 2); `topic` says which usage to show. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly topic: HelpTopic,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

const HELP_FLAGS = new Set(['--help', '-h']);
const OVERVIEW: HelpTopic = { kind: 'overview' };

/** Parses `argv` (without `node` and the script) against the registered commands; throws UsageError. */
export function parseInvocation<S extends CommandSpec>(
  argv: readonly string[],
  commands: readonly S[],
): Invocation<S> {
  if (argv.length === 0) throw new UsageError('no command given', OVERVIEW);
  const [first, ...rest] = argv;
  if (first === 'help' || HELP_FLAGS.has(first)) return { kind: 'help', topic: helpTopic(rest, commands) };

  const command = longestMatch(argv, commands);
  if (!command) {
    if (HELP_FLAGS.has(rest[0]) && commandGroups(commands).includes(first)) {
      return { kind: 'help', topic: { kind: 'group', group: first } };
    }
    throw unknownCommand(argv, commands);
  }
  const args = argv.slice(command.path.length);
  const beforeDoubleDash = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  // Help wins over every other mistake on the line: the operator asked how to use it.
  if (beforeDoubleDash.some((a) => HELP_FLAGS.has(a)))
    return { kind: 'help', topic: { kind: 'command', command } };
  return { kind: 'run', command, ...parseArguments(args, command) };
}

/** Parses the flags and positionals that follow a command's name. */
export function parseArguments(
  args: readonly string[],
  spec: CommandSpec,
): { flags: ParsedFlags; positionals: string[] } {
  const topic: HelpTopic = { kind: 'command', command: spec };
  const name = spec.path.join(' ');
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  const allowed = spec.positionals ?? [];
  let onlyPositionals = false;

  for (let i = 0; i < args.length; i++) {
    const token = args[i];
    if (!onlyPositionals && token === '--') {
      onlyPositionals = true;
      continue;
    }
    if (!onlyPositionals && token.startsWith('-') && token.length > 1) {
      const eq = token.indexOf('=');
      const given = eq > 0 ? token.slice(0, eq) : token;
      const flag = token.startsWith('--') ? spec.flags.find((f) => f.name === given.slice(2)) : undefined;
      if (!flag) {
        const hint = closest(
          given.replace(/^-+/, ''),
          spec.flags.map((f) => f.name),
        );
        throw new UsageError(
          `unknown flag ${given} for "${name}"${hint ? `; did you mean --${hint}?` : ''}`,
          topic,
        );
      }
      if (flag.name in flags) throw new UsageError(`--${flag.name} is given more than once`, topic);
      if (flag.value === undefined) {
        if (eq > 0) throw new UsageError(`--${flag.name} takes no value`, topic);
        flags[flag.name] = true;
        continue;
      }
      if (eq > 0) {
        flags[flag.name] = token.slice(eq + 1);
        continue;
      }
      const next = args[i + 1];
      // A following flag means the value was forgotten; `--label=--odd` still passes one.
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`--${flag.name} needs a value (--${flag.name} <${flag.value}>)`, topic);
      }
      flags[flag.name] = next;
      i++;
      continue;
    }
    if (positionals.length >= allowed.length) {
      throw new UsageError(`unexpected argument "${token}" for "${name}"`, topic);
    }
    positionals.push(token);
  }

  const missing = [
    ...spec.flags
      .filter((f) => f.required && !(f.name in flags))
      .map((f) => `--${f.name} <${f.value ?? ''}>`),
    ...allowed
      .slice(positionals.length)
      .filter((p) => p.required)
      .map((p) => `<${p.name}>`),
  ];
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')} for "${name}"`, topic);
  return { flags, positionals };
}

/** The distinct first words of the commands, in registration order (`agencies`, `keys`, …). */
export function commandGroups(commands: readonly CommandSpec[]): string[] {
  return [...new Set(commands.map((c) => c.path[0]))];
}

function helpTopic(words: readonly string[], commands: readonly CommandSpec[]): HelpTopic {
  const named = words.filter((w) => !HELP_FLAGS.has(w));
  if (named.length === 0) return OVERVIEW;
  const command = commands.find((c) => c.path.join(' ') === named.join(' '));
  if (command) return { kind: 'command', command };
  if (named.length === 1 && commandGroups(commands).includes(named[0]))
    return { kind: 'group', group: named[0] };
  throw unknownCommand(named, commands);
}

function longestMatch<S extends CommandSpec>(argv: readonly string[], commands: readonly S[]): S | undefined {
  return commands
    .filter((c) => c.path.every((word, i) => argv[i] === word))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

function unknownCommand(argv: readonly string[], commands: readonly CommandSpec[]): UsageError {
  const [first, second] = argv;
  if (first.startsWith('-')) {
    return new UsageError(
      `unknown flag ${first}; flags go after the command (intelctl <command> [flags])`,
      OVERVIEW,
    );
  }
  const groups = commandGroups(commands);
  if (groups.includes(first)) {
    const topic: HelpTopic = { kind: 'group', group: first };
    const subcommands = commands.filter((c) => c.path[0] === first).map((c) => c.path[1]);
    if (second === undefined || second.startsWith('-')) {
      return new UsageError(`"${first}" needs a subcommand: ${subcommands.join(', ')}`, topic);
    }
    const hint = closest(second, subcommands);
    return new UsageError(
      `unknown command "${first} ${second}"${hint ? `; did you mean "${first} ${hint}"?` : ''}`,
      topic,
    );
  }
  const hint = closest(first, [...groups, 'help']);
  return new UsageError(`unknown command "${first}"${hint ? `; did you mean "${hint}"?` : ''}`, OVERVIEW);
}

/** The candidate within edit distance 2 of `word` (a likely typo), or undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
