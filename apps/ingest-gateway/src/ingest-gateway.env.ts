import { IsInt, Max, Min } from 'class-validator';
import { CommonEnv, EnvDoc } from '@app/config';

/** Environment of the Ingest gateway. */
export class IngestGatewayEnv extends CommonEnv {
  @EnvDoc('HTTP port of the ingest gateway (report API, health, metrics).')
  @IsInt({ message: 'must be an integer port number' })
  @Min(1)
  @Max(65535)
  INGEST_PORT: number = 3000;

  @EnvDoc('Sustained requests per second one API key may make (token refill rate); 0 switches the limit off.')
  @IsInt({ message: 'must be an integer number of requests per second (0 = no limit)' })
  @Min(0)
  INGEST_RATE_LIMIT_PER_S: number = 1000;

  @EnvDoc('Requests one API key may make in a burst above the sustained rate (bucket size).')
  @IsInt({ message: 'must be an integer number of requests' })
  @Min(1)
  INGEST_RATE_LIMIT_BURST: number = 2000;

  @EnvDoc('Body limit of POST /v1/reports:batch in bytes (each report inside is still ≤ 256 KiB).')
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(256 * 1024)
  @Max(64 * 1024 * 1024)
  INGEST_BATCH_BODY_LIMIT_BYTES: number = 8 * 1024 * 1024;

  @EnvDoc('Whether this instance runs the outbox relay (one instance at a time is active, by advisory lock).')
  @IsInt({ message: 'must be 1 (run the relay) or 0' })
  @Min(0)
  @Max(1)
  INGEST_RELAY_ENABLED: number = 1;

  @EnvDoc('How often an idle relay looks for rows written by other instances, in ms.')
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(10)
  @Max(60000)
  INGEST_RELAY_POLL_MS: number = 200;

  @EnvDoc('Outbox rows read per relay round.')
  @IsInt({ message: 'must be an integer number of rows' })
  @Min(1)
  @Max(10000)
  INGEST_RELAY_BATCH_SIZE: number = 1000;

  @EnvDoc(
    'After a relay round of under a quarter of INGEST_RELAY_BATCH_SIZE rows, wait this long before reading again (fewer, fuller produce requests), in ms; 0 never waits.',
  )
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0)
  @Max(1000)
  INGEST_RELAY_LINGER_MS: number = 25;

  @EnvDoc(
    "Bytes (keys, values, headers) per Kafka produce request; below the broker's message.max.bytes (1 MiB by default).",
  )
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(300 * 1024)
  @Max(64 * 1024 * 1024)
  INGEST_RELAY_MAX_REQUEST_BYTES: number = 900 * 1024;

  @EnvDoc("How long the producer's circuit breaker stays open before it lets one trial send through, in ms.")
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100)
  @Max(600000)
  INGEST_BREAKER_RESET_MS: number = 5000;

  @EnvDoc(
    "A Kafka send slower than this counts as a failure of the producer's circuit breaker (the send still completes), in ms.",
  )
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100)
  @Max(600000)
  INGEST_BREAKER_TIMEOUT_MS: number = 10000;

  @EnvDoc(
    'Most reports one group commit joins into a transaction (concurrent requests share it; a larger batch request goes alone).',
  )
  @IsInt({ message: 'must be an integer number of reports' })
  @Min(1)
  @Max(10000)
  INGEST_GROUP_COMMIT_MAX_REPORTS: number = 1000;

  @EnvDoc('Group-commit transactions in flight at once; requests arriving meanwhile form the next one.')
  @IsInt({ message: 'must be an integer number of transactions' })
  @Min(1)
  @Max(64)
  INGEST_GROUP_COMMIT_IN_FLIGHT: number = 2;

  @EnvDoc("Database connections of the service's pool.")
  @IsInt({ message: 'must be an integer number of connections' })
  @Min(2)
  @Max(200)
  INGEST_DB_POOL_SIZE: number = 20;
}
