"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Identity1764300000100 = void 0;
/** Agencies and API keys (hashed secrets only). */
class Identity1764300000100 {
    name = 'Identity1764300000100';
    async up(q) {
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
    async down(q) {
        await q.query(`DROP TABLE "identity"."api_key"`);
        await q.query(`DROP TABLE "identity"."agency"`);
    }
}
exports.Identity1764300000100 = Identity1764300000100;
//# sourceMappingURL=1764300000100-identity.js.map