import type { ProblemDetails } from '@app/contracts';
import type { KeyedCheck } from './keyed-check';

/** Main thread → keying worker: one check to validate and key. */
export interface KeyingRequest {
  id: number;
  body: unknown;
  agencyId: string;
}

/** Keying worker → main thread. */
export type KeyingReply =
  | { id: number; ok: true; check: KeyedCheck }
  | { id: number; ok: false; problem: ProblemDetails; headers: Record<string, string> }
  | { id: number; ok: false; error: string };

/** Sent once by a worker when it has loaded and can take checks. */
export const KEYING_READY = 'ready';
