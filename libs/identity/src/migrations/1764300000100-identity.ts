import { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies and API keys (hashed secrets only). */
export class Identity1764300000100 implements MigrationInterface {
  name = 'Identity1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "identity"."agency" (
      id text PRIMARY KEY CHECK (id ~ '^[A-Z]{2}-[A-Z0-9]{2,16}$'),
      name text NOT NULL,
      country char(2) NOT NULL,
      liaison_contact jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE "identity"."api_key" (
      id text PRIMARY KEY,
      role text NOT NULL CHECK (role IN ('publisher','liaison','operator')),
      agency_id text REFERENCES "identity"."agency"(id),
      label text,
      secret_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      CHECK ((role = 'operator') = (agency_id IS NULL))
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "identity"."api_key"`);
    await q.query(`DROP TABLE "identity"."agency"`);
  }
}
