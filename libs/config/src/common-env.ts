import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { EnvDoc, IntEnv } from './env-doc';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const BROKER_LIST = /^[A-Za-z0-9._-]+:\d{1,5}(,[A-Za-z0-9._-]+:\d{1,5})*$/;
const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;

/** Whether a start is a deployment (`production`) or a local run (`development`). */
export const RUN_MODES = ['production', 'development'] as const;
export type RunMode = (typeof RUN_MODES)[number];

/** Environment every service shares (docs/contract.md#services-and-ports), validated at boot. */
export class CommonEnv {
  @EnvDoc(
    '`production` (the default): a start without the secrets a deployment must supply (LEDGER_SIGNING_KEY ' +
      'where the service writes a disclosure ledger) is refused. `development`: `npm start`, the demo and the ' +
      'test harness set it; public development keys stand in for missing secrets, with a warning.',
  )
  @IsIn(RUN_MODES, { message: `must be one of ${RUN_MODES.join(', ')}` })
  RUN_MODE: RunMode = 'production';

  @EnvDoc('Kafka bootstrap brokers, a comma-separated host:port list.')
  @Matches(BROKER_LIST, { message: 'must be a comma-separated list of host:port, e.g. 127.0.0.1:9092' })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  @EnvDoc(
    'Prefix of every Kafka topic and consumer group id of this environment, e.g. `staging.` ' +
      '(docs/operating.md#topics-per-environment); empty (the default): the names of docs/contract.md#topics. ' +
      'Every service, the topic creation, the ops monitor and intelctl of one environment need the same value.',
  )
  @Matches(/^[A-Za-z0-9._-]{0,100}$/, { message: 'must be at most 100 of A-Z a-z 0-9 . _ -' })
  KAFKA_TOPIC_PREFIX: string = '';

  @EnvDoc(
    'OTLP/HTTP endpoint the traces are exported to (`<endpoint>/v1/traces`), e.g. http://otel-collector:4318 ' +
      '(docs/operating.md#traces). Unset (the default): no export; log lines still carry trace and span ids.',
  )
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL, e.g. http://otel-collector:4318' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  @EnvDoc(
    'PostgreSQL connection URL; the service keeps its state in its own schema there and reads agencies ' +
      'and keys from the `identity` schema. `npm start` supplies one when it is unset. May carry the password.',
    { secret: true },
  )
  @Matches(POSTGRES_URL, {
    message: 'must be a PostgreSQL URL, e.g. postgres://postgres@127.0.0.1:5432/intel',
  })
  DATABASE_URL: string;

  @EnvDoc('Lowest level of the JSON log lines written to stdout.')
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @EnvDoc('`true`: connect to the brokers over TLS (production). Unset or `false`: plaintext.')
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  @Transform(({ value }) => String(value))
  KAFKA_SSL?: 'true' | 'false';

  @EnvDoc(
    'SASL mechanism for the brokers; set it with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD. Unset: no SASL.',
  )
  @IsOptional()
  @IsIn(['scram-sha-256', 'scram-sha-512', 'plain'], {
    message: 'must be scram-sha-256, scram-sha-512 or plain',
  })
  KAFKA_SASL_MECHANISM?: 'scram-sha-256' | 'scram-sha-512' | 'plain';

  @EnvDoc('SASL user name of this service at the brokers.', { requiredWhen: 'KAFKA_SASL_MECHANISM is set' })
  @ValidateIf((e: CommonEnv) => e.KAFKA_SASL_MECHANISM !== undefined || e.KAFKA_SASL_USERNAME !== undefined)
  @IsNotEmpty({ message: 'is required when KAFKA_SASL_MECHANISM is set' })
  @IsString()
  KAFKA_SASL_USERNAME?: string;

  @EnvDoc('SASL password of this service at the brokers.', {
    secret: true,
    requiredWhen: 'KAFKA_SASL_MECHANISM is set',
  })
  @ValidateIf((e: CommonEnv) => e.KAFKA_SASL_MECHANISM !== undefined || e.KAFKA_SASL_PASSWORD !== undefined)
  @IsNotEmpty({ message: 'is required when KAFKA_SASL_MECHANISM is set' })
  @IsString()
  KAFKA_SASL_PASSWORD?: string;

  @IntEnv(
    'Seconds a service waits on SIGTERM/SIGINT for in-flight work, offset commits and leaving its ' +
      'consumer group before it exits anyway.',
    { min: 1, max: 600, unit: 'seconds' },
  )
  SHUTDOWN_TIMEOUT_S: number = 30;

  @IntEnv(
    'How long a verified API key (or an unknown one) is remembered, in ms; a revoked key is refused ' +
      'within this time. `0`: check the database on every request.',
    { min: 0, max: 3_600_000, unit: 'milliseconds (0 = no cache)' },
  )
  AUTH_CACHE_TTL_MS: number = 2000;

  @EnvDoc(
    'JSON file of agencies loaded at start (those missing from the database are added, existing ones ' +
      'are left alone); a path that does not exist is skipped.',
  )
  @IsString()
  @IsNotEmpty({ message: 'must be a file path' })
  AGENCY_SEED_FILE: string = 'deploy/seed/agencies.json';
}
