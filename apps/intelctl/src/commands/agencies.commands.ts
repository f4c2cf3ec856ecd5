import * as path from 'node:path';
import type { Agency } from '@app/identity';
import { CliError, CommandDefinition, formatTimestamp, renderTable, stringFlag, switchFlag } from '../cli';

const JSON_FLAG = { name: 'json', description: 'Print JSON instead of text' } as const;

// Loose on purpose: the store keeps contacts as given; this only catches swapped or garbled flags.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/** `intelctl agencies add`: one agency with its liaison contact. */
export const agenciesAdd: CommandDefinition = {
  path: ['agencies', 'add'],
  summary: 'Add an agency',
  details:
    'An agency id is <ISO 3166-1 alpha-2 country>-<CODE>; the country is its prefix (docs/contract.md#agencies).\n' +
    'The liaison contact is who counterpart agencies are told to contact about a match.',
  flags: [
    { name: 'id', value: 'id', required: true, description: 'Agency id, e.g. PK-ANF' },
    { name: 'name', value: 'name', required: true, description: 'Full name, e.g. "Anti-Narcotics Force"' },
    { name: 'contact-name', value: 'text', description: 'Liaison contact: office or person' },
    { name: 'contact-email', value: 'email', description: 'Liaison contact: e-mail address' },
    {
      name: 'contact-phone',
      value: 'phone',
      description: 'Liaison contact: phone in E.164, e.g. +92510000201',
    },
    JSON_FLAG,
  ],
  examples: [
    'intelctl agencies add --id PK-ANF --name "Anti-Narcotics Force"',
    'intelctl agencies add --id AF-CNPA --name "Counter Narcotics Police of Afghanistan" --contact-email blo@cnpa.example.org',
  ],
  async run({ flags }, ctx) {
    const contact = {
      name: stringFlag(flags, 'contact-name'),
      email: stringFlag(flags, 'contact-email'),
      phone: stringFlag(flags, 'contact-phone'),
    };
    if (contact.email !== undefined && !EMAIL.test(contact.email)) {
      throw new CliError(`--contact-email "${contact.email}" is not an e-mail address`);
    }
    if (contact.phone !== undefined && !E164.test(contact.phone.replace(/[\s-]/g, ''))) {
      throw new CliError(
        `--contact-phone "${contact.phone}" is not a phone number in E.164 form (+92510000201)`,
      );
    }
    if (contact.phone !== undefined) contact.phone = contact.phone.replace(/[\s-]/g, '');
    const given = Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined));
    const store = await ctx.identity();
    const agency = await store.addAgency({
      id: stringFlag(flags, 'id')!,
      name: stringFlag(flags, 'name')!,
      liaisonContact: Object.keys(given).length > 0 ? given : null,
    });
    if (switchFlag(flags, 'json')) ctx.out(JSON.stringify(agency, null, 2));
    else ctx.out(`Added agency ${agency.id}: ${agency.name} (country ${agency.country}).`);
  },
};

/** `intelctl agencies list`. */
export const agenciesList: CommandDefinition = {
  path: ['agencies', 'list'],
  summary: 'List the agencies',
  flags: [JSON_FLAG],
  examples: ['intelctl agencies list', 'intelctl agencies list --json'],
  async run({ flags }, ctx) {
    const agencies = await (await ctx.identity()).listAgencies();
    if (switchFlag(flags, 'json')) return ctx.out(JSON.stringify(agencies, null, 2));
    if (agencies.length === 0) {
      return ctx.out(
        'No agencies yet. Add one with "intelctl agencies add" or load the seed with "intelctl agencies import".',
      );
    }
    ctx.out(
      renderTable(
        ['ID', 'COUNTRY', 'NAME', 'LIAISON CONTACT', 'CREATED'],
        agencies.map((a) => [
          a.id,
          a.country,
          a.name,
          describeContact(a.liaisonContact),
          formatTimestamp(a.createdAt),
        ]),
      ),
    );
  },
};

/** `intelctl agencies import [<file>]`: adds the agencies of a seed file that are not there yet. */
export const agenciesImport: CommandDefinition = {
  path: ['agencies', 'import'],
  summary: 'Add the agencies of a seed file that are not there yet',
  details:
    'The file holds { "agencies": [ { "id", "name", "liaisonContact"? } ] }. Agencies already present are\n' +
    'left as they are, so importing twice is harmless.',
  flags: [JSON_FLAG],
  positionals: [
    { name: 'file', description: "Seed file, by default the project's deploy/seed/agencies.json" },
  ],
  examples: ['intelctl agencies import', 'intelctl agencies import ./more-agencies.json'],
  async run({ flags, positionals }, ctx) {
    const file = positionals[0]
      ? path.resolve(ctx.cwd, positionals[0])
      : path.join(ctx.root, 'deploy', 'seed', 'agencies.json');
    const store = await ctx.identity();
    let added: string[];
    try {
      added = await store.importAgencies(file);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === 'ENOENT') throw new CliError(`no such file: ${file}`);
      if (code === 'EISDIR') throw new CliError(`${file} is a directory, not a seed file`);
      if (e instanceof SyntaxError) throw new CliError(`${file} is not valid JSON: ${e.message}`);
      throw e;
    }
    if (switchFlag(flags, 'json')) return ctx.out(JSON.stringify({ file, added }, null, 2));
    ctx.out(
      added.length > 0
        ? `Added ${added.length} ${added.length === 1 ? 'agency' : 'agencies'} from ${file}: ${added.join(', ')}.`
        : `Nothing to add: every agency in ${file} is already there.`,
    );
  },
};

function describeContact(c: Agency['liaisonContact']): string {
  if (!c) return '-';
  const parts = [c.name, c.email ? `<${c.email}>` : undefined, c.phone].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' ') : '-';
}

/** The agency commands, in the order help lists them. */
export const AGENCY_COMMANDS: readonly CommandDefinition[] = [agenciesAdd, agenciesList, agenciesImport];
