// The unkeyed ledger of earlier releases, migrated: its entries keep their own hash rule and
// verify; the service anchors them with a signed checkpoint and the chain goes on keyed.
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  DisclosureLedger,
  LedgerKeyring,
  LedgerSigner,
  computeEntryHash,
  verifyLedger,
  type LegacyEntry,
  type SqlQuery,
} from '@app/ledger';
import { dataSourceOptions, initialiseDataSource } from '@app/persistence';
import { Init1764300000000 } from './1764300000000-init';
import { Alerts1764300000300 } from './1764300000300-alerts';
import { PrecheckAlerts1764300000400 } from './1764300000400-precheck-alerts';
import { KeyedLedger1764300000600 } from './1764300000600-keyed-ledger';

const BEFORE = [Init1764300000000, Alerts1764300000300, PrecheckAlerts1764300000400];

describe('KeyedLedger migration: the unkeyed ledger carried over (real PostgreSQL)', () => {
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  const name = `keyed_ledger_${randomBytes(4).toString('hex')}`;
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const open = (migrations: (new () => object)[]) =>
    initialiseDataSource(
      dataSourceOptions(url.toString(), {
        schema: 'notification',
        entities: [],
        migrations,
        poolSize: 2,
      }),
    );
  let ds: DataSource | undefined;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  });

  afterAll(async () => {
    await ds?.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.end();
  });

  it('keeps old entries verifiable, anchors them with a signed checkpoint, and goes on keyed', async () => {
    // Three entries as the unkeyed ledger wrote them.
    const old = await open(BEFORE);
    const legacy: LegacyEntry[] = [];
    for (let seq = 1; seq <= 3; seq++) {
      const unhashed: Omit<LegacyEntry, 'hash'> = {
        scheme: 1,
        seq,
        recordedAt: `2026-01-0${seq}T08:00:00.000Z`,
        recipientAgencyId: seq === 2 ? 'PK-ANF' : 'AF-CNPA',
        alertId: randomUUID(),
        channel: (['KAFKA', 'INBOX', 'WEBHOOK'] as const)[seq - 1],
        disclosures: [{ reportEventId: randomUUID(), fields: ['identifiers.plate', 'narrative'] }],
        prevHash: legacy.at(-1)?.hash ?? '0'.repeat(64),
      };
      legacy.push({ ...unhashed, hash: computeEntryHash(unhashed) });
    }
    for (const e of legacy) {
      await old.query(
        `INSERT INTO notification.disclosure_ledger
         (seq, recorded_at, recipient_agency_id, alert_id, channel, disclosures, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          e.seq,
          e.recordedAt,
          e.recipientAgencyId,
          e.alertId,
          e.channel,
          JSON.stringify(e.disclosures),
          e.prevHash,
          e.hash,
        ],
      );
    }
    await old.destroy();

    ds = await open([...BEFORE, KeyedLedger1764300000600]);
    const query: SqlQuery = (sql, p) => ds!.query(sql, p);
    const signer = LedgerSigner.fromBase64(randomBytes(32).toString('base64'));
    const keyring = LedgerKeyring.parse(`notification:${signer.publicKey}`);
    // Carried over as written: the chain holds, nothing signs it yet.
    expect(await verifyLedger(query, 'notification', keyring, null)).toMatchObject({
      ok: false,
      entries: 3,
      legacyEntries: 3,
      failure: { reason: 'UNSIGNED_TAIL', seq: 1 },
    });

    // What the service does at start: anchor them as they stand (once).
    const ledger = new DisclosureLedger('notification', signer);
    const anchored = await ds.transaction((m) => ledger.anchorLegacyEntries((sql, p) => m.query(sql, p)));
    expect(anchored).toMatchObject({ seq: 3, headHash: legacy[2].hash, keyId: signer.keyId });
    expect(await ds.transaction((m) => ledger.anchorLegacyEntries((sql, p) => m.query(sql, p)))).toBeNull();
    expect(await verifyLedger(query, 'notification', keyring, null)).toMatchObject({
      ok: true,
      entries: 3,
      legacyEntries: 3,
      storedCheckpoints: 1,
    });

    // New entries follow, keyed, chained to the last old one.
    const appended = await ds.transaction((m) =>
      ledger.append(
        (sql, p) => m.query(sql, p),
        [
          {
            recordedAt: new Date().toISOString(),
            recipient: { type: 'AGENCY', id: 'PK-ANF' },
            kind: 'ALERT',
            subjectId: randomUUID(),
            channels: ['KAFKA'],
            disclosed: [
              { source: 'report', id: randomUUID(), fields: [{ path: 'narrative', value: 'text' }] },
            ],
          },
        ],
      ),
    );
    expect(appended!.entries[0]).toMatchObject({ seq: 4, scheme: 3, prevHash: legacy[2].hash });
    expect(await verifyLedger(query, 'notification', keyring, null)).toMatchObject({
      ok: true,
      entries: 4,
      legacyEntries: 3,
      lastSignedSeq: 4,
    });

    // An old entry changed after the anchoring is caught like any other.
    await ds.transaction(async (m) => {
      await m.query('SET LOCAL session_replication_role = replica');
      await m.query(`UPDATE notification.disclosure_ledger SET recipient_id = 'PK-CUS' WHERE seq = 2`);
    });
    expect(await verifyLedger(query, 'notification', keyring, null)).toMatchObject({
      ok: false,
      failure: { reason: 'HASH_MISMATCH', seq: 2 },
    });

    // There is no way back to the unkeyed form once keyed entries exist.
    await expect(ds.undoLastMigration({ transaction: 'each' })).rejects.toThrow(
      /cannot go back to the unkeyed ledger: .* holds 1 entries of the keyed scheme/,
    );
  });
});
