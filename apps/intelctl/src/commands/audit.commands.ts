import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import type { LedgerVerification, PublishedCheckpoint } from '../ledger.opener';
import { CliError, CommandDefinition, stringFlag, switchFlag, type CommandContext } from '../cli';

// The ledger lib (and through it Nest and kafkajs) is loaded only when an audit command runs.
const loadLedger = () => import('../ledger.opener');

/** The database opened read-only, in one snapshot, for one command. */
interface LedgerConnection {
  query: <R>(sql: string, params: unknown[]) => Promise<R[]>;
  close(): Promise<void>;
}

async function openSnapshot(databaseUrl: string): Promise<LedgerConnection> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // A consistent snapshot (taken at the first query): appends that commit while we read do not shift the pages.
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  return {
    query: async <R>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as R[],
    close: async () => {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}

/** Checkpoints an agency mirrored: one JSON checkpoint per line (the topic's record values). */
function readMirror(
  file: string,
  publishedCheckpointOf: (where: string, key: string | null, value: Buffer | null) => PublishedCheckpoint,
): PublishedCheckpoint[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read --checkpoints-file ${file}: ${(e as Error).message}`);
  }
  const out: PublishedCheckpoint[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${path.basename(file)}:${i + 1}`;
    const p = publishedCheckpointOf(where, null, Buffer.from(line, 'utf8'));
    if ('unreadable' in p) throw new CliError(`${where} is not a checkpoint: ${p.unreadable}`);
    out.push({ ...p, key: p.checkpoint.chainId });
  });
  return out;
}

function linesOf(v: LedgerVerification, source: string | null): string[] {
  const lines = [
    `Disclosure ledger ${v.chainId} (instance ${v.instanceId ?? 'unknown'}): ${v.ok ? 'OK' : 'BROKEN'}`,
  ];
  const range =
    v.entries === 0
      ? 'none yet'
      : v.ok
        ? `1–${v.headSeq} chained (SHA-256), in order, none missing`
        : `${v.entries} read in order, chained up to seq ${v.headSeq}`;
  lines.push(
    `  entries     ${range}${v.legacyEntries ? `; ${v.legacyEntries} of the legacy unkeyed scheme` : ''}`,
  );
  lines.push(
    `  signatures  ${v.storedCheckpoints} stored checkpoint(s) verify${v.keyIds.length ? ` (key ${v.keyIds.join(', ')})` : ''}; ` +
      (v.entries === 0 ? 'nothing to cover' : `the newest covers seq ${v.lastSignedSeq}`),
  );
  if (v.published === null) {
    lines.push('  published   not read (--offline): a deleted tail would go unseen');
  } else if (v.published.latest === null) {
    lines.push(`  published   no checkpoint of this instance in ${source}: a deleted tail would go unseen`);
  } else {
    const l = v.published.latest;
    lines.push(
      `  published   ${v.published.checked} checkpoint(s) of this instance in ${source} match the entries; ` +
        `the newest says seq ${l.seq}, signed ${l.signedAt} (${l.where})`,
    );
  }
  for (const o of v.published?.otherInstances ?? []) {
    lines.push(
      `  note        ${o.checkpoints} checkpoint(s) of another instance of ${v.chainId} (${o.instanceId}, up to seq ${o.latestSeq}, ${o.latestSignedAt}): ` +
        'a recreated ledger or another database on the same brokers',
    );
  }
  lines.push(`  head        seq ${v.headSeq}, hash ${v.headHash}`);
  if (v.failure) {
    lines.push(
      `  BROKEN      ${v.failure.seq === undefined ? '' : `at seq ${v.failure.seq} `}(${v.failure.reason}): ${v.failure.detail}`,
    );
  }
  return lines;
}

/** `intelctl audit verify`: checks every chain (or one) against its signatures and the published checkpoints. */
export const auditVerify: CommandDefinition = {
  path: ['audit', 'verify'],
  summary: 'Verify the disclosure ledgers: hash chain, signed checkpoints, published checkpoints',
  details:
    'Every disclosure (who received which values of what, when, by which channel) is an entry chained to the\n' +
    "one before by SHA-256, and every append stores a checkpoint signed with the writing service's Ed25519 key;\n" +
    'the newest is published to intel.ledger.checkpoint.v1 (KAFKA_TOPIC_PREFIX first), which agencies mirror. This command checks each\n' +
    "chain: every entry's hash, seq and link; every stored checkpoint's signature and head; that the newest\n" +
    'entry is signed; and every checkpoint published (read from Kafka, and from --checkpoints-file) against the\n' +
    'entries: a rewritten entry, a deleted tail or a forged checkpoint fails. The public keys come from\n' +
    'LEDGER_PUBLIC_KEYS (chain:key,…; `*` for any chain); unset, the public development key of `npm start`.\n' +
    'Exit 0 when every chain verifies, else 1 naming the first broken entry or checkpoint. See docs/ledger.md.',
  flags: [
    {
      name: 'chain',
      value: 'schema',
      description: 'Verify this chain only (e.g. notification); default: all',
    },
    {
      name: 'checkpoints-file',
      value: 'path',
      description: 'Mirrored checkpoints, one JSON checkpoint per line',
    },
    { name: 'offline', description: 'Do not read the checkpoint topic (a deleted tail then goes unseen)' },
    { name: 'page-size', value: 'n', description: 'Entries read per query (default 1000)' },
    { name: 'json', description: 'Print JSON instead of text' },
  ],
  examples: [
    'intelctl audit verify',
    'intelctl audit verify --chain notification --json',
    'LEDGER_PUBLIC_KEYS=notification:<base64> intelctl audit verify --checkpoints-file anf-mirror.jsonl',
  ],
  async run({ flags }, ctx) {
    const pageText = stringFlag(flags, 'page-size');
    const pageSize = pageText === undefined ? 1000 : Number(pageText);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100000) {
      throw new CliError(`--page-size "${pageText}" must be a whole number between 1 and 100000`);
    }
    const lib = await loadLedger();
    const keyring = keyringOf(lib, ctx);
    const mirror = stringFlag(flags, 'checkpoints-file');
    const offline = switchFlag(flags, 'offline');
    // The topic first, then the database snapshot: a checkpoint is published only after its head
    // committed, so every checkpoint read is of a head the snapshot holds.
    let published: PublishedCheckpoint[] | null = null;
    if (!offline) {
      try {
        published = await lib.readPublishedCheckpoints(ctx.env);
      } catch (e) {
        throw new CliError(
          `cannot read the published checkpoints from Kafka (${ctx.env.KAFKA_BROKERS || '127.0.0.1:9092'}): ${(e as Error).message}. ` +
            'Set KAFKA_BROKERS, or pass --offline (a deleted tail then goes unseen).',
        );
      }
    }
    if (mirror) {
      published = [
        ...(published ?? []),
        ...readMirror(path.resolve(ctx.cwd, mirror), lib.publishedCheckpointOf),
      ];
    }
    const source = [offline ? null : lib.checkpointTopicOf(ctx.env), mirror ? path.basename(mirror) : null]
      .filter(Boolean)
      .join(' and ');

    const db = await ctx.open(openSnapshot);
    const all = await lib.listChains(db.query);
    const wanted = stringFlag(flags, 'chain');
    if (wanted !== undefined && !all.includes(wanted)) {
      throw new CliError(
        `no disclosure ledger named "${wanted}" in this database` +
          (all.length ? ` (there is: ${all.join(', ')})` : ': start the service that writes it once'),
      );
    }
    const chains = wanted === undefined ? all : [wanted];
    if (chains.length === 0) {
      throw new CliError('this database holds no disclosure ledger yet: start the notification service once');
    }
    const results: LedgerVerification[] = [];
    for (const chain of chains)
      results.push(await lib.verifyLedger(db.query, chain, keyring, published, pageSize));

    if (switchFlag(flags, 'json')) ctx.out(JSON.stringify(results, null, 2));
    else ctx.out(results.flatMap((r) => linesOf(r, source || null)).join('\n'));
    const broken = results.filter((r) => !r.ok);
    if (broken.length > 0) {
      const first = broken[0].failure!;
      throw new CliError(
        `disclosure ledger ${broken[0].chainId} BROKEN${first.seq === undefined ? '' : ` at seq ${first.seq}`} (${first.reason}): ${first.detail}`,
      );
    }
  },
};

function keyringOf(lib: Awaited<ReturnType<typeof loadLedger>>, ctx: CommandContext) {
  const text = ctx.env.LEDGER_PUBLIC_KEYS?.trim();
  if (!text) {
    ctx.err(
      "intelctl: LEDGER_PUBLIC_KEYS is unset: verifying against the PUBLIC development key (npm start's), which proves nothing. " +
        'Set LEDGER_PUBLIC_KEYS=<chain>:<public key>,… to the keys the services sign with.',
    );
    return lib.LedgerKeyring.development();
  }
  try {
    return lib.LedgerKeyring.parse(text);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

/** `intelctl audit keygen`: a new signing key for one service's ledger. */
export const auditKeygen: CommandDefinition = {
  path: ['audit', 'keygen'],
  summary: 'Create a ledger signing key (for LEDGER_SIGNING_KEY) and print its public key',
  details:
    "Prints a new Ed25519 private key as LEDGER_SIGNING_KEY (put it in the writing service's secret store and\n" +
    'nowhere else) and its public key (hand it to the agencies and auditors who run `intelctl audit verify`,\n' +
    'as LEDGER_PUBLIC_KEYS=<chain>:<public key>). Nothing is stored.',
  flags: [
    {
      name: 'chain',
      value: 'schema',
      description: 'The chain it is for, to print LEDGER_PUBLIC_KEYS (default notification)',
    },
    { name: 'json', description: 'Print JSON instead of text' },
  ],
  examples: ['intelctl audit keygen', 'intelctl audit keygen --chain correlation --json'],
  async run({ flags }, ctx) {
    const chain = stringFlag(flags, 'chain') ?? 'notification';
    if (!/^[a-z_][a-z0-9_]*$/.test(chain)) throw new CliError(`--chain "${chain}" must be a schema name`);
    const { randomBytes } = await import('node:crypto');
    const lib = await loadLedger();
    const seed = randomBytes(32).toString('base64');
    const signer = lib.LedgerSigner.fromBase64(seed);
    if (switchFlag(flags, 'json')) {
      ctx.out(
        JSON.stringify(
          { chain, keyId: signer.keyId, signingKey: seed, publicKey: signer.publicKey },
          null,
          2,
        ),
      );
      return;
    }
    ctx.out(
      [
        `Ledger signing key ${signer.keyId} for chain ${chain}.`,
        '',
        'Secret (the writing service only, from its secret store):',
        `    LEDGER_SIGNING_KEY=${seed}`,
        '',
        'Public (agencies and auditors):',
        `    LEDGER_PUBLIC_KEYS=${chain}:${signer.publicKey}`,
      ].join('\n'),
    );
  },
};

/** The audit commands. */
export const AUDIT_COMMANDS: readonly CommandDefinition[] = [auditVerify, auditKeygen];
