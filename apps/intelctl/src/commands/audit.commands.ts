import { Client } from 'pg';
// The ledger's verifier lives with the notification service that writes the ledger (one
// implementation of the chain rules); see the report: it belongs in a lib.
import { verifyLedger, type SqlQuery } from '@app/ledger';
import { CliError, CommandDefinition, stringFlag, switchFlag } from '../cli';

/** The disclosure ledger opened read-only for one command. */
interface LedgerConnection {
  query: SqlQuery;
  close(): Promise<void>;
}

async function openLedger(databaseUrl: string): Promise<LedgerConnection> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // A consistent snapshot: appends that commit while we read do not shift the pages.
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  return {
    query: async <R>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as R[],
    close: async () => {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}

/** `intelctl audit verify`: checks the disclosure ledger's hash chain page by page. */
export const auditVerify: CommandDefinition = {
  path: ['audit', 'verify'],
  summary: 'Verify the disclosure ledger (hash chain); names the first broken record',
  details:
    'Every disclosure to another agency (who received which fields of which report, when, by which channel)\n' +
    'is a record chained to the one before by SHA-256. An edited, deleted or reordered record breaks the chain\n' +
    'there. Exit 0 with the record count and the head hash (worth keeping outside the database), else exit 1.',
  flags: [
    { name: 'page-size', value: 'n', description: 'Records read per query (default 1000)' },
    { name: 'json', description: 'Print JSON instead of text' },
  ],
  examples: ['intelctl audit verify', 'intelctl audit verify --json'],
  async run({ flags }, ctx) {
    const pageText = stringFlag(flags, 'page-size');
    const pageSize = pageText === undefined ? 1000 : Number(pageText);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100000) {
      throw new CliError(`--page-size "${pageText}" must be a whole number between 1 and 100000`);
    }
    const ledger = await ctx.open(openLedger);
    let result;
    try {
      result = await verifyLedger(ledger.query, pageSize);
    } catch (e) {
      if ((e as { code?: string }).code === '42P01') {
        throw new CliError('the disclosure ledger does not exist yet: start the notification service once');
      }
      throw e;
    }
    if (switchFlag(flags, 'json')) ctx.out(JSON.stringify(result, null, 2));
    if (!result.ok) {
      throw new CliError(
        `disclosure ledger BROKEN at record seq ${result.firstBrokenSeq} (${result.reason}): ${result.detail}; ${result.checked} records before it verify`,
      );
    }
    if (!switchFlag(flags, 'json')) {
      ctx.out(
        `Disclosure ledger OK: ${result.count} records, head seq ${result.headSeq}, head hash ${result.headHash}`,
      );
    }
  },
};

/** The audit commands. */
export const AUDIT_COMMANDS: readonly CommandDefinition[] = [auditVerify];
