import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lag samples (kept across restarts, trimmed by age), the sampler's last round (so several
 * instances sample once per interval between them) and the DLQ replay ledger.
 */
export class LagSamplesAndReplays1764300000200 implements MigrationInterface {
  name = 'LagSamplesAndReplays1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "ops"."lag_sample" (
        group_id text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        sampled_at timestamptz NOT NULL,
        committed_offset bigint NOT NULL,
        end_offset bigint NOT NULL,
        lag bigint NOT NULL,
        PRIMARY KEY (group_id, topic, partition, sampled_at)
      )`);
    // Trimming and "the newest N rounds" both walk samples by time.
    await q.query(`CREATE INDEX lag_sample_sampled_at_idx ON "ops"."lag_sample" (sampled_at)`);
    await q.query(`
      CREATE TABLE "ops"."sampler_round" (
        id smallint PRIMARY KEY CHECK (id = 1),
        last_sampled_at timestamptz NOT NULL,
        instance text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE "ops"."dlq_replay" (
        dlq_topic text NOT NULL,
        partition integer NOT NULL,
        "offset" bigint NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('replayed', 'refused')),
        target_topic text,
        reason text,
        replayed_by text,
        replayed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dlq_topic, partition, "offset")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "ops"."dlq_replay"');
    await q.query('DROP TABLE "ops"."sampler_round"');
    await q.query('DROP TABLE "ops"."lag_sample"');
  }
}
