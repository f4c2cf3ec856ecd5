import type { FieldError, ProblemDetails } from '@app/contracts';
import type { PrecheckErrorCode } from '../precheck.errors';
import type { KeyedCheck } from './keyed-check';

/**
 * Main thread → keying worker: one check to validate and key, as a parsed body (the full
 * route: keyCheck) or as the JSON text received (keyCertainCheck).
 */
export type KeyingRequest =
  | { id: number; agencyId: string; body: unknown; text?: undefined }
  | { id: number; agencyId: string; text: string };

/** Keying worker → main thread (`check: null`: the text is not certainly valid). */
export type KeyingReply =
  | { id: number; ok: true; check: KeyedCheck | null }
  | { id: number; ok: false; problem: ProblemDetails; headers: Record<string, string> }
  | {
      id: number;
      ok: false;
      precheckError: { code: PrecheckErrorCode; message: string; errors?: FieldError[] };
    }
  | { id: number; ok: false; error: string };

/** Sent once by a worker when it has loaded and can take checks. */
export const KEYING_READY = 'ready';
