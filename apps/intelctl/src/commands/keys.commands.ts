import { CliError, CommandDefinition, formatTimestamp, renderTable, stringFlag, switchFlag } from '../cli';

const JSON_FLAG = { name: 'json', description: 'Print JSON instead of text' } as const;

// Operators sometimes paste the whole key where its id is wanted; its id is the part after `bik_`.
const FULL_KEY = /^bik_([0-9a-f]{16})_/;

/** `intelctl keys create`: prints the new key once. */
export const keysCreate: CommandDefinition = {
  path: ['keys', 'create'],
  summary: 'Create an API key (the key is printed once, never again)',
  details:
    'Roles (docs/contract.md#http-apis): publisher and liaison keys act for one agency (--agency); an operator key for none.\n' +
    'Only a hash of the key is stored: copy it from the output and hand it to its system straight away.',
  flags: [
    { name: 'role', value: 'publisher|liaison|operator', required: true, description: 'What the key may do' },
    { name: 'agency', value: 'id', description: 'The agency it acts for (publisher and liaison keys)' },
    { name: 'label', value: 'text', description: 'What it is for, e.g. "ANF CMS"' },
    JSON_FLAG,
  ],
  examples: [
    'intelctl keys create --agency PK-ANF --role publisher --label "ANF CMS"',
    'intelctl keys create --agency AF-CNPA --role liaison --label "CNPA liaison inbox"',
    'intelctl keys create --role operator --label "ops dashboard"',
  ],
  async run({ flags }, ctx) {
    const label = stringFlag(flags, 'label');
    const created = await (
      await ctx.identity()
    ).createKey({ role: stringFlag(flags, 'role')!, agencyId: stringFlag(flags, 'agency'), label });
    const onceNote =
      'This is the only time the key is shown: only its hash is stored, so it cannot be shown again. ' +
      `If it is lost, revoke it (intelctl keys revoke ${created.keyId}) and create a new one.`;
    if (switchFlag(flags, 'json')) {
      ctx.out(JSON.stringify({ ...created, label: label ?? null }, null, 2));
      ctx.err(`intelctl: ${onceNote}`);
      return;
    }
    const scope = created.agencyId ? ` for ${created.agencyId}` : '';
    ctx.out(
      [
        `Created ${created.role} key ${created.keyId}${scope}${label ? ` (${label})` : ''}:`,
        '',
        `    ${created.key}`,
        '',
        onceNote,
        'The caller sends it as: Authorization: Bearer <key>',
      ].join('\n'),
    );
  },
};

/** `intelctl keys revoke <keyId>`. */
export const keysRevoke: CommandDefinition = {
  path: ['keys', 'revoke'],
  summary: 'Revoke an API key',
  details:
    'Services stop accepting the key within their verification cache time (AUTH_CACHE_TTL_MS, default 2 s).',
  flags: [JSON_FLAG],
  positionals: [
    { name: 'keyId', required: true, description: 'The key id as shown by "intelctl keys list"' },
  ],
  examples: ['intelctl keys revoke 3f9c2a1b7d6e5f40'],
  async run({ flags, positionals }, ctx) {
    const keyId = FULL_KEY.exec(positionals[0])?.[1] ?? positionals[0];
    const store = await ctx.identity();
    // Checked here as well as in the store: IdentityStore.revokeKey reads TypeORM's [rows, count]
    // UPDATE result as rows, so today it reports success for an unknown or already revoked id.
    const found = await store.findKey(keyId);
    if (!found) throw new CliError(`no key with id ${keyId} (see intelctl keys list)`);
    if (found.revoked) throw new CliError(`key ${keyId} is already revoked`);
    await store.revokeKey(keyId);
    if (switchFlag(flags, 'json')) ctx.out(JSON.stringify({ keyId, revoked: true }));
    else ctx.out(`Revoked key ${keyId}; services refuse it within a few seconds.`);
  },
};

/** `intelctl keys list`: ids, roles and dates, never secrets. */
export const keysList: CommandDefinition = {
  path: ['keys', 'list'],
  summary: 'List API keys (ids and scope only, never secrets)',
  flags: [{ name: 'agency', value: 'id', description: 'Only the keys of this agency' }, JSON_FLAG],
  examples: ['intelctl keys list', 'intelctl keys list --agency PK-ANF --json'],
  async run({ flags }, ctx) {
    const store = await ctx.identity();
    const agencyId = stringFlag(flags, 'agency');
    if (agencyId !== undefined && !(await store.getAgency(agencyId))) {
      throw new CliError(`agency ${agencyId} does not exist (see intelctl agencies list)`);
    }
    const keys = await store.listKeys(agencyId === undefined ? {} : { agencyId });
    if (switchFlag(flags, 'json')) return ctx.out(JSON.stringify(keys, null, 2));
    if (keys.length === 0) {
      return ctx.out(
        `No keys${agencyId ? ` for ${agencyId}` : ''} yet. Create one with "intelctl keys create".`,
      );
    }
    ctx.out(
      renderTable(
        ['KEY ID', 'ROLE', 'AGENCY', 'LABEL', 'CREATED', 'REVOKED'],
        keys.map((k) => [
          k.keyId,
          k.role,
          k.agencyId ?? '-',
          k.label || '-',
          formatTimestamp(k.createdAt),
          formatTimestamp(k.revokedAt),
        ]),
      ),
    );
  },
};

/** The key commands, in the order help lists them. */
export const KEY_COMMANDS: readonly CommandDefinition[] = [keysCreate, keysRevoke, keysList];
