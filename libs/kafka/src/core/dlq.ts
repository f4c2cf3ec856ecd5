import { dlqTopicOf } from '@app/contracts';

/** What a consumer knows about a record it cannot process. */
export interface FailedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: Record<string, string>;
}

/** Reasons are truncated so a huge validation report cannot make the DLQ record too large. */
const MAX_REASON = 4000;

/**
 * The DLQ record for a failed one: original key and bytes, original headers, plus the
 * `dlq-*` headers of docs/contract.md#topics that say why and where it came from.
 */
export function buildDlqRecord(
  failed: FailedRecord,
  consumerGroup: string,
  reason: string,
): {
  topic: string;
  message: { key: Buffer | string | null; value: Buffer | string | null; headers: Record<string, string> };
} {
  const headers: Record<string, string> = { ...failed.headers };
  headers['dlq-reason'] = reason.length > MAX_REASON ? reason.slice(0, MAX_REASON - 1) + '…' : reason;
  headers['dlq-source-topic'] = failed.topic;
  headers['dlq-source-partition'] = String(failed.partition);
  headers['dlq-source-offset'] = failed.offset;
  headers['dlq-consumer-group'] = consumerGroup;
  headers['dlq-failed-at'] = new Date().toISOString();
  return { topic: dlqTopicOf(failed.topic), message: { key: failed.key, value: failed.value, headers } };
}
