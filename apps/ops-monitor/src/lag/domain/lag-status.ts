// Consumer lag status over a sliding window, by the rules of LinkedIn's Burrow
// (core/internal/evaluator/caching.go, calculatePartitionStatus), in Burrow's order; where and why it
// differs from Burrow: docs/contract.md#how-lag-status-differs-from-burrow. Pure: the caller passes `now`.

/** One observation of a consumer group's position on one partition. */
export interface LagSample {
  /** When the sample was taken, epoch milliseconds. */
  timestamp: number;
  /** The group's committed offset (the next record it will read). */
  committedOffset: number;
  /** The partition's log end offset at the same moment. */
  endOffset: number;
  /** max(0, endOffset - committedOffset); see {@link computeLag}. */
  lag: number;
}

/** Status of one partition for one consumer group, as Burrow names them. */
export type PartitionStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'REWIND';

/** Status of a whole consumer group, as Burrow reports it: its worst partition, capped at ERR. */
export type GroupStatus = 'OK' | 'WARN' | 'ERR';

/** The status vocabulary of the ops API (docs/contract.md#http-apis): per partition STALL/STOP, a rewind shows as ERR. */
export type ApiLagStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'ERR';

/** Options for {@link evaluatePartition}. */
export interface EvaluatePartitionOptions {
  /** The evaluation time, epoch milliseconds. */
  now: number;
  /** Fewer samples than this (and never fewer than two) means "not enough data": OK, incomplete. */
  minSamples: number;
  /**
   * How long a partition nobody owns may stay behind without its committed offset moving before it
   * is STOP. Choose it no longer than the span the window can hold (maxSamples x sampling interval),
   * or a consumer that is gone shows as STALL first. Omit it to use Burrow's timestamp rule alone.
   */
  windowMs?: number;
  /**
   * Whether a live member of the group is assigned the partition now: the polled stand-in for
   * Burrow's "the consumer is still committing". An owned partition whose committed offset does not
   * move is STALL, not STOP by `windowMs`. Omitted: not known to be owned.
   */
  owned?: boolean;
}

/** The verdict for one partition, with the rule that decided it in words an operator can check. */
export interface PartitionEvaluation {
  status: PartitionStatus;
  /** False when the window held too few samples to judge. */
  complete: boolean;
  reason: string;
}

/** A partition's verdict as input to {@link evaluateGroup}. */
export interface PartitionLagState {
  topic: string;
  partition: number;
  status: PartitionStatus;
  /** Current lag (the newest sample's). */
  lag: number;
  /** Whether the partition's window was complete; taken as true when absent. */
  complete?: boolean;
}

/** The verdict for a consumer group. */
export interface GroupEvaluation {
  status: GroupStatus;
  /** The worst partition status, for the API's STALL/STOP detail behind an ERR. */
  worst: PartitionStatus;
  /** The partition with the highest current lag (first one on ties); null for a group without partitions. */
  maxLagPartition: { topic: string; partition: number; lag: number } | null;
  totalLag: number;
  /** Share of partitions whose window was complete, 0..1 (0 for a group without partitions). */
  complete: number;
}

/** Severity rank of each partition status, higher is worse. */
export const PARTITION_STATUS_SEVERITY: Readonly<Record<PartitionStatus, number>> = {
  OK: 0,
  WARN: 1,
  STALL: 2,
  STOP: 3,
  REWIND: 4,
};

/** Lag as Burrow stores it: the distance to the log end, never negative (end offsets are fetched on their own timer). */
export function computeLag(committedOffset: number, endOffset: number): number {
  return Math.max(0, endOffset - committedOffset);
}

/** Builds a sample with its lag computed from the two offsets. */
export function lagSample(timestamp: number, committedOffset: number, endOffset: number): LagSample {
  return { timestamp, committedOffset, endOffset, lag: computeLag(committedOffset, endOffset) };
}

/** Judges one partition over its window of samples with Burrow's rules (see the file header for the differences). */
export function evaluatePartition(
  samples: readonly LagSample[],
  options: EvaluatePartitionOptions,
): PartitionEvaluation {
  const { now, minSamples, windowMs, owned = false } = options;
  if (!Number.isFinite(now)) throw new RangeError(`now must be a finite epoch-ms number, got ${now}`);
  if (!Number.isInteger(minSamples) || minSamples < 1) {
    throw new RangeError(`minSamples must be a positive integer, got ${minSamples}`);
  }
  if (windowMs !== undefined && !(Number.isFinite(windowMs) && windowMs > 0)) {
    throw new RangeError(`windowMs must be a positive number of milliseconds, got ${windowMs}`);
  }

  const window = [...samples].sort((a, b) => a.timestamp - b.timestamp);
  const required = Math.max(2, minSamples);
  if (window.length < required) {
    return {
      status: 'OK',
      complete: false,
      reason: `not enough data: ${window.length} of ${required} samples in the window`,
    };
  }

  const first = window[0];
  const last = window[window.length - 1];
  const ok = (reason: string): PartitionEvaluation => ({ status: 'OK', complete: true, reason });
  const verdict = (status: PartitionStatus, reason: string): PartitionEvaluation => ({
    status,
    complete: true,
    reason,
  });

  // A partition with no lag now is never in trouble, whatever its history.
  if (last.lag === 0) return ok('current lag is zero');

  // Rule 3 comes before rule 1: a zero lag in an old window does not excuse a consumer that stopped.
  const span = last.timestamp - first.timestamp;
  const sinceLastSample = now - last.timestamp;
  if (sinceLastSample > span) {
    return verdict(
      'STOP',
      `no sample for ${ms(sinceLastSample)} ms, longer than the window's span of ${ms(span)} ms, ` +
        `while lag is ${last.lag}`,
    );
  }
  // Difference a: a member that owns the partition is there, so a frozen offset is STALL (below), not STOP.
  if (windowMs !== undefined && !owned) {
    const stuckFor = now - stuckBehindSince(window);
    if (stuckFor > windowMs) {
      return verdict(
        'STOP',
        `committed offset ${last.committedOffset} has not moved for ${ms(stuckFor)} ms while behind ` +
          `and no member of the group owns the partition (longer than the ${windowMs} ms window); ` +
          `lag is ${last.lag}`,
      );
    }
  }

  if (window.some((s) => s.lag === 0)) return ok('lag was zero within the window');

  for (let i = 1; i < window.length; i += 1) {
    if (window[i].committedOffset < window[i - 1].committedOffset) {
      return verdict(
        'REWIND',
        `committed offset went back from ${window[i - 1].committedOffset} to ${window[i].committedOffset}`,
      );
    }
  }

  if (window.every((s) => s.committedOffset === first.committedOffset)) {
    return verdict(
      'STALL',
      `committed offset ${first.committedOffset} unchanged across the window while lag is ${last.lag}` +
        (owned ? ' and a member of the group owns the partition' : ''),
    );
  }

  const lagNeverDecreased = window.every((s, i) => i === 0 || s.lag >= window[i - 1].lag);
  if (lagNeverDecreased && last.lag > first.lag) {
    return verdict('WARN', `offsets advance but lag never decreased, from ${first.lag} to ${last.lag}`);
  }

  return ok(lagNeverDecreased ? `lag holds steady at ${last.lag}` : 'lag decreased within the window');
}

/** Judges a consumer group from its partitions' verdicts: its worst partition, STALL/STOP/REWIND reported as ERR. */
export function evaluateGroup(partitions: readonly PartitionLagState[]): GroupEvaluation {
  let worst: PartitionStatus = 'OK';
  let maxLagPartition: GroupEvaluation['maxLagPartition'] = null;
  let totalLag = 0;
  let completeCount = 0;
  for (const p of partitions) {
    if (PARTITION_STATUS_SEVERITY[p.status] > PARTITION_STATUS_SEVERITY[worst]) worst = p.status;
    if (maxLagPartition === null || p.lag > maxLagPartition.lag) {
      maxLagPartition = { topic: p.topic, partition: p.partition, lag: p.lag };
    }
    totalLag += p.lag;
    if (p.complete !== false) completeCount += 1;
  }
  return {
    status: toGroupStatus(worst),
    worst,
    maxLagPartition,
    totalLag,
    complete: partitions.length === 0 ? 0 : completeCount / partitions.length,
  };
}

/** Maps a partition status to the group level: WARN stays WARN, every error kind becomes ERR. */
export function toGroupStatus(status: PartitionStatus): GroupStatus {
  switch (status) {
    case 'OK':
      return 'OK';
    case 'WARN':
      return 'WARN';
    case 'STALL':
    case 'STOP':
    case 'REWIND':
      return 'ERR';
  }
}

/** Maps a partition status to the ops API vocabulary (docs/contract.md#http-apis), which has no REWIND: it shows as ERR. */
export function toApiStatus(status: PartitionStatus): ApiLagStatus {
  return status === 'REWIND' ? 'ERR' : status;
}

// Durations in reasons are whole milliseconds (sample times come from the database with fractions).
function ms(duration: number): number {
  return Math.round(duration);
}

// The start of the newest run of samples that are behind (lag > 0) with the newest committed offset:
// from then on the consumer has been behind without moving. Called only when the newest sample is behind.
function stuckBehindSince(window: readonly LagSample[]): number {
  const last = window[window.length - 1];
  let since = last.timestamp;
  for (let i = window.length - 1; i >= 0; i -= 1) {
    const s = window[i];
    if (s.committedOffset !== last.committedOffset || s.lag === 0) break;
    since = s.timestamp;
  }
  return since;
}
