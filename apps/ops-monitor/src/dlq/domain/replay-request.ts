// The body of POST /v1/dlq/{topic}/replay and which DLQ records it selects. Pure.
import type { FieldError } from '@app/contracts';

/** Most records one replay call re-produces. */
export const MAX_REPLAY_LIMIT = 10000;
/** Records one replay call re-produces when the body sets no limit. */
export const DEFAULT_REPLAY_LIMIT = 1000;

/** What an operator asks to replay: all not yet replayed, or one partition, or given offsets. */
export interface ReplayRequest {
  partition?: number;
  offsets?: number[];
  limit: number;
}

/** The result of parsing a replay body: the request, or every problem with its JSON path. */
export type ParsedReplayRequest = { ok: true; request: ReplayRequest } | { ok: false; errors: FieldError[] };

const ALLOWED = new Set(['partition', 'offsets', 'limit']);

/** Parses and validates a replay body; an absent or empty body means "everything not yet replayed". */
export function parseReplayRequest(body: unknown): ParsedReplayRequest {
  if (body === undefined || body === null || body === '')
    return { ok: true, request: { limit: DEFAULT_REPLAY_LIMIT } };
  if (typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, errors: [{ path: '$', message: 'must be a JSON object' }] };
  }
  const b = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(b)) {
    if (!ALLOWED.has(key)) errors.push({ path: key, message: 'is not an allowed field' });
  }
  const request: ReplayRequest = { limit: DEFAULT_REPLAY_LIMIT };
  if (b.partition !== undefined) {
    if (isNonNegativeInteger(b.partition)) request.partition = b.partition;
    else errors.push({ path: 'partition', message: 'must be a non-negative integer' });
  }
  if (b.offsets !== undefined) {
    if (!Array.isArray(b.offsets)) {
      errors.push({ path: 'offsets', message: 'must be an array of offsets' });
    } else if (b.offsets.length === 0 || b.offsets.length > MAX_REPLAY_LIMIT) {
      errors.push({ path: 'offsets', message: `must hold between 1 and ${MAX_REPLAY_LIMIT} offsets` });
    } else {
      const offsets: number[] = [];
      b.offsets.forEach((o: unknown, i) => {
        // Offsets are int64 on the wire; kafkajs and our API print them as strings, so both forms are accepted.
        const n = typeof o === 'string' && /^\d{1,15}$/.test(o) ? Number(o) : o;
        if (isNonNegativeInteger(n)) offsets.push(n);
        else errors.push({ path: `offsets[${i}]`, message: 'must be a non-negative integer offset' });
      });
      request.offsets = [...new Set(offsets)].sort((x, y) => x - y);
    }
  }
  if (b.limit !== undefined) {
    if (isNonNegativeInteger(b.limit) && b.limit >= 1 && b.limit <= MAX_REPLAY_LIMIT) request.limit = b.limit;
    else errors.push({ path: 'limit', message: `must be an integer from 1 to ${MAX_REPLAY_LIMIT}` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, request };
}

/** The offsets of one partition a replay will read. */
export interface ReplayCandidates {
  partition: number;
  offsets: number[];
}

/**
 * The DLQ offsets a replay selects: those inside each partition's retained range [low, high),
 * in the requested partition and among the requested offsets when given, never one already
 * already replayed (ops.dlq_replay), at most `limit` in all (lowest partition and offset first).
 */
export function selectReplayCandidates(
  partitions: readonly { partition: number; low: number; high: number }[],
  done: ReadonlySet<string>,
  request: ReplayRequest,
): ReplayCandidates[] {
  let budget = request.limit;
  const out: ReplayCandidates[] = [];
  const sorted = [...partitions].sort((a, b) => a.partition - b.partition);
  for (const p of sorted) {
    if (budget === 0) break;
    if (request.partition !== undefined && p.partition !== request.partition) continue;
    const offsets: number[] = [];
    const consider = (o: number) => {
      if (budget > 0 && !done.has(replayKey(p.partition, o))) {
        offsets.push(o);
        budget -= 1;
      }
    };
    if (request.offsets) {
      for (const o of request.offsets) if (o >= p.low && o < p.high) consider(o);
    } else {
      for (let o = p.low; o < p.high && budget > 0; o += 1) consider(o);
    }
    if (offsets.length > 0) out.push({ partition: p.partition, offsets });
  }
  return out;
}

/**
 * How many of the records a request covers (retained, in its partition, among its offsets)
 * were already replayed.
 */
export function countAlreadyReplayed(
  partitions: readonly { partition: number; low: number; high: number }[],
  done: ReadonlySet<string>,
  request: ReplayRequest,
): number {
  const ranges = new Map(partitions.map((p) => [p.partition, p]));
  const offsets = request.offsets ? new Set(request.offsets) : null;
  let n = 0;
  for (const key of done) {
    const [partition, offset] = key.split('/').map(Number);
    const range = ranges.get(partition);
    if (!range || offset < range.low || offset >= range.high) continue;
    if (request.partition !== undefined && partition !== request.partition) continue;
    if (offsets && !offsets.has(offset)) continue;
    n += 1;
  }
  return n;
}

/** The key of a DLQ record among those already replayed. */
export function replayKey(partition: number, offset: number): string {
  return `${partition}/${offset}`;
}

function isNonNegativeInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
