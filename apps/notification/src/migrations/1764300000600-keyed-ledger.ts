import { MigrationInterface, QueryRunner } from 'typeorm';
import { ledgerSupportSql } from '@app/ledger';

/**
 * The disclosure ledger generalised, keyed and append-only (docs/ledger.md); existing rows stay
 * as written (scheme 1) and are anchored by a signed checkpoint at the next start.
 */
export class KeyedLedger1764300000600 implements MigrationInterface {
  name = 'KeyedLedger1764300000600';

  async up(q: QueryRunner): Promise<void> {
    const t = 'notification.disclosure_ledger';
    await q.query(`ALTER TABLE ${t} RENAME COLUMN recipient_agency_id TO recipient_id`);
    await q.query(`ALTER TABLE ${t} RENAME COLUMN alert_id TO subject_id`);
    await q.query(`ALTER TABLE ${t} RENAME COLUMN disclosures TO disclosed`);
    // The uuid's text is what the old verifier read and hashed; disclosed is kept as text (the
    // exact JSON an entry was hashed over, whatever PostgreSQL's JSON types would normalise).
    await q.query(`ALTER TABLE ${t}
      ALTER COLUMN subject_id TYPE text USING subject_id::text,
      ALTER COLUMN disclosed TYPE text USING disclosed::text,
      ADD COLUMN scheme smallint NOT NULL DEFAULT 1,
      ADD COLUMN recipient_type text NOT NULL DEFAULT 'AGENCY',
      ADD COLUMN kind text NOT NULL DEFAULT 'ALERT'`);
    // Every new entry states all of them.
    await q.query(`ALTER TABLE ${t}
      ALTER COLUMN scheme DROP DEFAULT,
      ALTER COLUMN recipient_type DROP DEFAULT,
      ALTER COLUMN kind DROP DEFAULT`);
    for (const sql of ledgerSupportSql('notification')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const t = 'notification.disclosure_ledger';
    const [{ n }] = (await q.query(`SELECT count(*) AS n FROM ${t} WHERE scheme <> 1`)) as { n: string }[];
    if (Number(n) > 0) {
      throw new Error(`cannot go back to the unkeyed ledger: ${t} holds ${n} entries of the keyed scheme`);
    }
    await q.query(`DROP TRIGGER append_only ON ${t}`);
    await q.query(`DROP TABLE ${t}_chain, ${t}_checkpoint`);
    await q.query(`DROP FUNCTION notification.disclosure_ledger_append_only()`);
    await q.query(`GRANT UPDATE, DELETE, TRUNCATE ON ${t} TO CURRENT_USER`);
    await q.query(`ALTER TABLE ${t}
      DROP COLUMN scheme, DROP COLUMN recipient_type, DROP COLUMN kind,
      ALTER COLUMN subject_id TYPE uuid USING subject_id::uuid,
      ALTER COLUMN disclosed TYPE jsonb USING disclosed::jsonb`);
    await q.query(`ALTER TABLE ${t} RENAME COLUMN disclosed TO disclosures`);
    await q.query(`ALTER TABLE ${t} RENAME COLUMN subject_id TO alert_id`);
    await q.query(`ALTER TABLE ${t} RENAME COLUMN recipient_id TO recipient_agency_id`);
  }
}
