import {
  IsNotEmpty,
  IsOptional,
  Matches,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { CommonEnv, EnvDoc, IntEnv, MillisEnv, PortEnv, RateLimitEnv } from '@app/config';
import { LedgerPreviousPublicKeysVariable, LedgerSigningKeyVariable } from '@app/ledger';
import { SharingPolicyFileVariable } from '@app/sharing-policy';
import { AllowedNetworks } from './webhooks/domain/webhook-address';

/** WEBHOOK_ALLOWED_NETWORKS: addresses or CIDR blocks, comma-separated; names the first bad entry. */
@ValidatorConstraint({ name: 'networkList' })
class NetworkList implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return problemOf(value) === null;
  }
  defaultMessage(args?: ValidationArguments): string {
    const what = 'comma-separated addresses or CIDR blocks (e.g. 127.0.0.0/8,::1/128)';
    // Without arguments: what the configuration reference shows as the allowed values.
    return args ? `must be ${what}: ${problemOf(args.value)}` : what;
  }
}

function problemOf(value: unknown): string | null {
  try {
    AllowedNetworks.parse(String(value));
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Environment of the Notification service. */
export class NotificationEnv extends CommonEnv {
  @PortEnv('HTTP port of the notification service (alerts, webhooks, deliveries, health, metrics).')
  NOTIFICATION_PORT: number = 3002;

  @IntEnv('Partitions processed concurrently (the link and pre-check hit topics have 9 in all).', {
    min: 1,
    max: 64,
  })
  NOTIFICATION_CONCURRENCY: number = 16;

  @IntEnv(
    'Most records of one partition applied per database transaction (links, pre-check hits). Larger batches ' +
      'cost fewer round trips per record; 1 applies records one by one.',
    { min: 1, max: 1000 },
  )
  NOTIFICATION_BATCH_SIZE: number = 200;

  @IntEnv(
    'Bytes of link and pre-check hit records a fetch waits for at the broker, at most ' +
      'NOTIFICATION_FETCH_MAX_WAIT_MS (fetch.min.bytes): fewer, larger rounds cost less CPU per alert. ' +
      '1: answer as soon as one record is there. At most 1 MiB (a fetch takes up to 1 MiB of a partition).',
    { min: 1, max: 1_048_576, unit: 'bytes' },
  )
  NOTIFICATION_FETCH_MIN_BYTES: number = 65_536;

  @MillisEnv(
    'Longest a fetch waits at the broker for NOTIFICATION_FETCH_MIN_BYTES (fetch.max.wait.ms): what an alert ' +
      'may wait for company before it is composed.',
    10,
    5000,
  )
  NOTIFICATION_FETCH_MAX_WAIT_MS: number = 100;

  @SharingPolicyFileVariable()
  SHARING_POLICY_FILE: string = 'deploy/policy/sharing-policy.json';

  @EnvDoc("Webhook retry schedule, e.g. `0,5s,5m,30m,2h,5h,10h,10h` (the contract's default).")
  @Matches(/^\s*\d+(ms|s|m|h)?\s*(,\s*\d+(ms|s|m|h)?\s*)*$/, {
    message: 'must be a comma-separated list of delays such as 0,5s,5m,30m,2h',
  })
  WEBHOOK_RETRY_SCHEDULE: string = '0,5s,5m,30m,2h,5h,10h,10h';

  @MillisEnv('Timeout of one webhook attempt, in milliseconds.', 100)
  WEBHOOK_TIMEOUT_MS: number = 15000;

  @IntEnv('Per-subscription breaker: attempts in the rolling window before it may open.', { min: 1 })
  WEBHOOK_BREAKER_VOLUME: number = 5;

  @IntEnv('Per-subscription breaker: failure percentage in the window that opens it.', {
    min: 1,
    max: 100,
    message: 'must be an integer percentage',
  })
  WEBHOOK_BREAKER_ERROR_PERCENT: number = 50;

  @MillisEnv(
    'Per-subscription breaker: how long it stays open before letting one trial attempt through (half-open).',
    10,
  )
  WEBHOOK_BREAKER_RESET_MS: number = 30000;

  @MillisEnv(
    'How often the dispatcher looks for due deliveries, in milliseconds (it is also woken after each new alert).',
    10,
  )
  WEBHOOK_POLL_MS: number = 500;

  @IntEnv('Deliveries attempted concurrently by one instance.', { min: 1, max: 256 })
  WEBHOOK_CONCURRENCY: number = 32;

  @MillisEnv(
    'How often the alert streams (SSE) look for new alerts, in milliseconds: one poller serves every open stream.',
    10,
  )
  ALERT_STREAM_POLL_MS: number = 250;

  @IntEnv(
    'Most alert streams (SSE) one API key may hold open on one instance at a time; one more is answered 429.',
    { min: 1, max: 1000 },
  )
  ALERT_STREAMS_PER_KEY: number = 5;

  @MillisEnv(
    'After publishing a round of under 125 AlertIssued records (a quarter of a read), the outbox relay waits ' +
      'this long before reading again (fewer, fuller produce requests and outbox reads), in ms; 0 never waits. ' +
      'Webhooks and streams do not wait for it.',
    0,
    1000,
  )
  NOTIFICATION_RELAY_LINGER_MS: number = 200;

  @RateLimitEnv.perSecond('the alert, inbox, stream, subscription and delivery API')
  NOTIFICATION_RATE_LIMIT_PER_S: number = 20;

  @RateLimitEnv.burst('the alert, inbox, stream, subscription and delivery API')
  NOTIFICATION_RATE_LIMIT_BURST: number = 50;

  @RateLimitEnv.dailyQuota('the alert, inbox, stream, subscription and delivery API')
  NOTIFICATION_DAILY_QUOTA: number = 1_000_000;

  @EnvDoc(
    'Key that encrypts webhook secrets at rest (AES-256-GCM): 32 bytes in base64 (`openssl rand -base64 32`). ' +
      'Keep it in the secret store. With RUN_MODE=development and no key, secrets are stored unencrypted, ' +
      'with a warning at start.',
    { secret: true, requiredWhen: 'RUN_MODE is production (the default)' },
  )
  @ValidateIf((e: NotificationEnv) => e.RUN_MODE !== 'development' || e.WEBHOOK_SECRET_KEY !== undefined)
  @IsNotEmpty({
    message:
      'is required when RUN_MODE is production (the default): webhook secrets must not be stored in the clear; ' +
      'create one with `openssl rand -base64 32` and pass it from the secret store',
  })
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64 (openssl rand -base64 32)' })
  WEBHOOK_SECRET_KEY?: string;

  @EnvDoc(
    'Networks webhooks may reach although they are loopback, private, link-local, CGNAT or otherwise ' +
      'special (docs/security.md#webhooks), as comma-separated addresses or CIDR blocks, e.g. ' +
      '`127.0.0.0/8,::1/128`; plain http is accepted only to these. Unset: only public addresses over https. ' +
      '`npm start`, the demo and the tests allowlist loopback.',
  )
  @IsOptional()
  @Validate(NetworkList)
  WEBHOOK_ALLOWED_NETWORKS?: string;

  @IntEnv(
    'Most webhook subscriptions one agency may hold (deleted ones do not count); one more is answered 409.',
    { min: 1, max: 1000 },
  )
  WEBHOOK_SUBSCRIPTIONS_PER_AGENCY: number = 10;

  @IntEnv(
    "How long a request for information (docs/desk.md) waits for the counterpart's decision before it expires, in seconds.",
    { min: 1, unit: 'seconds' },
  )
  INFO_REQUEST_TTL_S: number = 604800;

  @EnvDoc(
    'Legal bases a request for information may cite (docs/desk.md), comma-separated codes, as the ' +
      "agencies' arrangements name them.",
  )
  @Matches(/^\s*[A-Za-z0-9][A-Za-z0-9 ._()/-]*(\s*,\s*[A-Za-z0-9][A-Za-z0-9 ._()/-]*)*\s*$/, {
    message: 'must be comma-separated legal basis codes such as UNTOC-27,VIENNA-1988-9',
  })
  REQUEST_LEGAL_BASES: string = 'UNTOC-27,VIENNA-1988-9,BILATERAL-MOU,MLA-TREATY';

  @LedgerSigningKeyVariable()
  LEDGER_SIGNING_KEY?: string;

  @LedgerPreviousPublicKeysVariable()
  LEDGER_PREVIOUS_PUBLIC_KEYS?: string;
}
