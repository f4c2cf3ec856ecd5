import { IsNumber, Max, Min } from 'class-validator';
import { CommonEnv, EnvDoc, IntEnv, PortEnv, RateLimitEnv } from '@app/config';
import { RecordSignaturesVariable } from '@app/identity';
import { LedgerPreviousPublicKeysVariable, LedgerSigningKeyVariable } from '@app/ledger';
import { SharingPolicyFileVariable } from '@app/sharing-policy';

/** Environment of the correlation service. */
export class CorrelationEnv extends CommonEnv {
  @PortEnv('HTTP port of the correlation service (cases, pre-checks, health, metrics).')
  CORRELATION_PORT: number = 3001;

  @IntEnv(
    'Partition batches a single instance takes at once (default: the 9 partitions of the two report ' +
      'topics). Each normalises its reports as soon as it arrives; they are applied one transaction at a ' +
      'time, and the batches that arrived while one ran go together into the next (up to ' +
      'CORRELATION_BATCH_SIZE records), so a round of partition batches costs one commit rather than one ' +
      "per partition. Concurrent transactions would only queue on each other's blocking-key locks.",
    { min: 1, max: 64 },
  )
  CORRELATION_CONCURRENCY: number = 9;

  @IntEnv(
    "Most report records applied per database transaction (one partition's consecutive records). " +
      'Larger batches cost fewer round trips per report; 1 applies records one by one.',
    { min: 1, max: 1000 },
  )
  CORRELATION_BATCH_SIZE: number = 500;

  @EnvDoc('Score in [0,1] at or above which two agency cases are linked.')
  @IsNumber({}, { message: 'must be a number between 0 and 1' })
  @Min(0)
  @Max(1)
  CORRELATION_LINK_THRESHOLD: number = 0.9;

  @IntEnv(
    'A value more frequent than this stops counting (common plates, shared company phones). Linking ' +
      "counts its cases, each agency's up to 8; pre-checks count its agencies: one agency filing many " +
      "cases cannot silence another agency's identifier. Crossing it is logged and counted " +
      '(intel_correlation_cap_crossings_total).',
    { min: 2 },
  )
  CORRELATION_MAX_VALUE_FREQUENCY: number = 50;

  @IntEnv(
    'Worker threads that validate and key pre-check bodies (0: on the event loop). Keying costs about ' +
      '0.1 ms a check; handing it to a thread and back cost more than that on a 2-core machine, and the ' +
      "thread's wake-ups and collections made the slowest checks slower (p50 3.9 ms and p99 50 ms for " +
      'the hop alone at 1,000 checks/s), so workers pay only with cores to spare. A worker that dies is ' +
      'replaced; its checks are keyed on the event loop meanwhile.',
    { min: 0, max: 8 },
  )
  PRECHECK_KEYING_WORKERS: number = 0;

  @RateLimitEnv.perSecond('the case API')
  CORRELATION_RATE_LIMIT_PER_S: number = 20;

  @RateLimitEnv.burst('the case API')
  CORRELATION_RATE_LIMIT_BURST: number = 50;

  @RateLimitEnv.dailyQuota('the case API')
  CORRELATION_DAILY_QUOTA: number = 1_000_000;

  @RateLimitEnv.perSecond('the pre-check API', 'checks')
  PRECHECK_RATE_LIMIT_PER_S: number = 50;

  @RateLimitEnv.burst('the pre-check API', 'checks')
  PRECHECK_RATE_LIMIT_BURST: number = 100;

  @RateLimitEnv.dailyQuota('the pre-check API', 'checks')
  PRECHECK_DAILY_QUOTA: number = 200_000;

  @IntEnv(
    'Identifiers one pre-check may carry (plates, containers, VINs, IMO and flight numbers, names, documents, phones, organisations and their registrations); more is a 400 naming the field.',
    { min: 1, max: 10000, unit: 'identifiers' },
  )
  PRECHECK_MAX_IDENTIFIERS: number = 100;

  @RecordSignaturesVariable()
  RECORD_SIGNATURES?: 'required' | 'if-signed';

  @SharingPolicyFileVariable()
  SHARING_POLICY_FILE: string = 'deploy/policy/sharing-policy.json';

  @LedgerSigningKeyVariable()
  LEDGER_SIGNING_KEY?: string;

  @LedgerPreviousPublicKeysVariable()
  LEDGER_PREVIOUS_PUBLIC_KEYS?: string;
}
