import { CommonEnv, IntEnv, MillisEnv, PortEnv, RateLimitEnv, SwitchEnv } from '@app/config';

/** Environment of the Ingest gateway. */
export class IngestGatewayEnv extends CommonEnv {
  @PortEnv('HTTP port of the ingest gateway (report API, health, metrics).')
  INGEST_PORT: number = 3000;

  @RateLimitEnv.perSecond('the ingest API')
  INGEST_RATE_LIMIT_PER_S: number = 1000;

  @RateLimitEnv.burst('the ingest API')
  INGEST_RATE_LIMIT_BURST: number = 2000;

  @IntEnv('Body limit of POST /v1/reports:batch in bytes (each report inside is still ≤ 256 KiB).', {
    min: 256 * 1024,
    max: 64 * 1024 * 1024,
    unit: 'bytes',
  })
  INGEST_BATCH_BODY_LIMIT_BYTES: number = 8 * 1024 * 1024;

  @SwitchEnv(
    'Whether this instance runs the outbox relay (one instance at a time is active, by advisory lock).',
    'run the relay',
  )
  INGEST_RELAY_ENABLED: number = 1;

  @MillisEnv('How often an idle relay looks for rows written by other instances, in ms.', 10, 60000)
  INGEST_RELAY_POLL_MS: number = 200;

  @IntEnv('Outbox rows read per relay round.', { min: 1, max: 10000, unit: 'rows' })
  INGEST_RELAY_BATCH_SIZE: number = 1000;

  @MillisEnv(
    'After a relay round of under a quarter of INGEST_RELAY_BATCH_SIZE rows, wait this long before reading again (fewer, fuller produce requests), in ms; 0 never waits.',
    0,
    1000,
  )
  INGEST_RELAY_LINGER_MS: number = 25;

  @IntEnv(
    "Bytes (keys, values, headers) per Kafka produce request; below the broker's message.max.bytes (1 MiB by default).",
    { min: 300 * 1024, max: 64 * 1024 * 1024, unit: 'bytes' },
  )
  INGEST_RELAY_MAX_REQUEST_BYTES: number = 900 * 1024;

  @MillisEnv(
    "How long the producer's circuit breaker stays open before it lets one trial send through, in ms.",
    100,
    600000,
  )
  INGEST_BREAKER_RESET_MS: number = 5000;

  @MillisEnv(
    "A Kafka send slower than this counts as a failure of the producer's circuit breaker (the send still completes), in ms.",
    100,
    600000,
  )
  INGEST_BREAKER_TIMEOUT_MS: number = 10000;

  @IntEnv(
    'Most reports one group commit joins into a transaction (concurrent requests share it; a larger batch request goes alone).',
    { min: 1, max: 10000, unit: 'reports' },
  )
  INGEST_GROUP_COMMIT_MAX_REPORTS: number = 1000;

  @IntEnv('Group-commit transactions in flight at once; requests arriving meanwhile form the next one.', {
    min: 1,
    max: 64,
    unit: 'transactions',
  })
  INGEST_GROUP_COMMIT_IN_FLIGHT: number = 2;

  @IntEnv("Database connections of the service's pool.", { min: 2, max: 200, unit: 'connections' })
  INGEST_DB_POOL_SIZE: number = 20;
}
