import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const BROKER_LIST = /^[A-Za-z0-9._-]+:\d{1,5}(,[A-Za-z0-9._-]+:\d{1,5})*$/;
const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;

/** Environment every service shares (contract §2), validated at boot. */
export class CommonEnv {
  /** Comma-separated host:port list. */
  @Matches(BROKER_LIST, { message: 'must be a comma-separated list of host:port, e.g. 127.0.0.1:9092' })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  @Matches(POSTGRES_URL, {
    message: 'must be a PostgreSQL URL, e.g. postgres://postgres@127.0.0.1:5432/intel',
  })
  DATABASE_URL: string;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /** TLS to the brokers (production); SASL/SCRAM credentials when set. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  @Transform(({ value }) => String(value))
  KAFKA_SSL?: 'true' | 'false';

  @IsOptional()
  @IsIn(['scram-sha-256', 'scram-sha-512', 'plain'], {
    message: 'must be scram-sha-256, scram-sha-512 or plain',
  })
  KAFKA_SASL_MECHANISM?: 'scram-sha-256' | 'scram-sha-512' | 'plain';

  @ValidateIf((e: CommonEnv) => e.KAFKA_SASL_MECHANISM !== undefined || e.KAFKA_SASL_USERNAME !== undefined)
  @IsNotEmpty({ message: 'is required when KAFKA_SASL_MECHANISM is set' })
  @IsString()
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf((e: CommonEnv) => e.KAFKA_SASL_MECHANISM !== undefined || e.KAFKA_SASL_PASSWORD !== undefined)
  @IsNotEmpty({ message: 'is required when KAFKA_SASL_MECHANISM is set' })
  @IsString()
  KAFKA_SASL_PASSWORD?: string;

  /** Seconds to wait for in-flight work on SIGTERM before giving up. */
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(1)
  @Max(600)
  SHUTDOWN_TIMEOUT_S: number = 30;
}

/** The port variable of an HTTP service, validated like the rest. */
export function isValidPort(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 65536;
}
