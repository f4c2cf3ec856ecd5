import {
  IsInt,
  IsOptional,
  Matches,
  Min,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { CommonEnv, EnvDoc, IntEnv, MillisEnv, PortEnv, RateLimitEnv, SwitchEnv } from '@app/config';
import { LedgerPreviousPublicKeysVariable, LedgerSigningKeyVariable } from '@app/ledger';

@ValidatorConstraint({ name: 'notAboveWindow' })
class NotAboveWindow implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const window = (args.object as OpsMonitorEnv).OPS_LAG_WINDOW_SAMPLES;
    return typeof value === 'number' && typeof window === 'number' && value <= window;
  }

  defaultMessage(): string {
    return 'must not be larger than OPS_LAG_WINDOW_SAMPLES (the window could never fill)';
  }
}

/** Environment of the Ops monitor. */
export class OpsMonitorEnv extends CommonEnv {
  @PortEnv('HTTP port of the ops monitor (ops API, dashboard, health, metrics).')
  OPS_PORT: number = 3003;

  @EnvDoc(
    "Base URL of the notification service's API: failed deliveries and endpoint breakers are read from it, " +
      "and deliveries replayed through it, with the operator's key. `off`: no notification service (the deliveries API answers 501).",
  )
  @IsOptional()
  @Matches(/^(off|https?:\/\/[^\s]+)$/, {
    message: 'must be an http(s) URL, e.g. http://127.0.0.1:3002, or off',
  })
  NOTIFICATION_URL?: string = 'http://127.0.0.1:3002';

  @EnvDoc(
    "The services whose /metrics the dashboard's outbox panel reads (outbox backlog, relay breaker): " +
      'comma-separated `name=baseUrl`. `off`: none.',
  )
  @IsOptional()
  @Matches(/^(off|[a-z0-9-]+=https?:\/\/[^\s,]+(,[a-z0-9-]+=https?:\/\/[^\s,]+)*)$/, {
    message: 'must be name=url pairs separated by commas (e.g. correlation=http://127.0.0.1:3001), or off',
  })
  OPS_METRICS_URLS?: string =
    'ingest-gateway=http://127.0.0.1:3000,correlation=http://127.0.0.1:3001,notification=http://127.0.0.1:3002';

  @SwitchEnv(
    'Whether this instance samples consumer lag (1) or only serves the API (0); several samplers are safe.',
    'sample consumer lag',
  )
  OPS_SAMPLER_ENABLED: number = 1;

  @MillisEnv("How often every group's partitions are sampled, in ms.", 100, 3_600_000)
  OPS_SAMPLE_INTERVAL_MS: number = 5000;

  @IntEnv("Samples per partition in Burrow's sliding window.", { min: 2, max: 1000, unit: 'samples' })
  OPS_LAG_WINDOW_SAMPLES: number = 10;

  @IntEnv('Fewer samples than this in a window means "not enough data" (status OK, incomplete).', {
    min: 2,
    unit: 'samples',
  })
  @Validate(NotAboveWindow)
  OPS_LAG_MIN_SAMPLES: number = 5;

  @EnvDoc(
    'How long a partition no group member owns may stay behind with an unmoving committed offset before ' +
      'it is STOP, in ms (a member that owns it and does not move is STALL instead). Keep it no longer ' +
      'than the span a full window covers.',
    { defaultText: 'the span a full window covers, (OPS_LAG_WINDOW_SAMPLES − 1) × OPS_SAMPLE_INTERVAL_MS' },
  )
  @IsOptional()
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100)
  OPS_LAG_STOP_AFTER_MS?: number;

  @IntEnv("How long samples are kept (the lag chart's reach), in minutes; older ones are deleted.", {
    min: 1,
    max: 10_080,
    unit: 'minutes',
  })
  OPS_SAMPLE_RETENTION_MINUTES: number = 60;

  @IntEnv('How many of the newest records of each DLQ topic GET /v1/dlq lists (metadata only).', {
    min: 0,
    max: 100,
    unit: 'records',
  })
  OPS_DLQ_LATEST: number = 10;

  @RateLimitEnv.perSecond('the ops API')
  OPS_RATE_LIMIT_PER_S: number = 20;

  @RateLimitEnv.burst('the ops API')
  OPS_RATE_LIMIT_BURST: number = 50;

  @RateLimitEnv.dailyQuota('the ops API')
  OPS_DAILY_QUOTA: number = 1_000_000;

  @LedgerSigningKeyVariable()
  LEDGER_SIGNING_KEY?: string;

  @LedgerPreviousPublicKeysVariable()
  LEDGER_PREVIOUS_PUBLIC_KEYS?: string;
}

/**
 * The STOP threshold in effect: OPS_LAG_STOP_AFTER_MS, or the span a full window covers. Any longer
 * and a consumer that is gone would show as STALL first, because the window cannot look back further.
 */
export function stopAfterMs(
  env: Pick<OpsMonitorEnv, 'OPS_LAG_STOP_AFTER_MS' | 'OPS_LAG_WINDOW_SAMPLES' | 'OPS_SAMPLE_INTERVAL_MS'>,
): number {
  return env.OPS_LAG_STOP_AFTER_MS ?? (env.OPS_LAG_WINDOW_SAMPLES - 1) * env.OPS_SAMPLE_INTERVAL_MS;
}
