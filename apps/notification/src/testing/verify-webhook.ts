// A Standard Webhooks receiver's check, as the reference libraries make it: the specs hold the
// signer to it (the service itself only signs).
import { timingSafeEqual } from 'node:crypto';
import { signWebhook } from '../webhooks/domain';

/** How far the `webhook-timestamp` may be from the receiver's clock, in seconds (the reference libraries' 5 minutes). */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/** What a receiver checks: the body as received and the headers that came with it. */
export interface VerifyInput {
  /** One secret, or several during a rotation: any of them may match. */
  secret: string | readonly string[];
  body: string;
  /** Header names in any case; a missing header fails with MISSING_HEADERS. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The receiver's current unix time, in seconds. */
  nowSeconds: number;
  toleranceSeconds?: number;
}

/** Why a webhook failed verification. */
export type WebhookVerifyFailure =
  | 'MISSING_HEADERS'
  | 'INVALID_TIMESTAMP'
  | 'TIMESTAMP_TOO_OLD'
  | 'TIMESTAMP_TOO_NEW'
  | 'NO_MATCHING_SIGNATURE';

/** Verifies a received webhook as a receiver would: headers present, timestamp within tolerance, a v1 signature matching in constant time. */
export function verifyWebhook(
  input: VerifyInput,
): { ok: true } | { ok: false; reason: WebhookVerifyFailure } {
  const { body, nowSeconds } = input;
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const headers = Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const msgId = headers['webhook-id'];
  const timestampHeader = headers['webhook-timestamp'];
  const signatureHeader = headers['webhook-signature'];
  if (!msgId || !timestampHeader || !signatureHeader) return { ok: false, reason: 'MISSING_HEADERS' };

  if (!/^\d{1,15}$/.test(timestampHeader)) return { ok: false, reason: 'INVALID_TIMESTAMP' };
  const timestamp = Number(timestampHeader);
  if (nowSeconds - timestamp > tolerance) return { ok: false, reason: 'TIMESTAMP_TOO_OLD' };
  if (timestamp - nowSeconds > tolerance) return { ok: false, reason: 'TIMESTAMP_TOO_NEW' };
  if (msgId.includes('.')) return { ok: false, reason: 'NO_MATCHING_SIGNATURE' };

  const secrets = typeof input.secret === 'string' ? [input.secret] : input.secret;
  const expected = secrets.map((secret) =>
    Buffer.from(signWebhook({ secret, msgId, timestamp, body }), 'utf8'),
  );
  for (const entry of signatureHeader.split(' ')) {
    // Other schemes (v1a, future versions) may sit beside ours; they are skipped, not failed.
    if (!entry.startsWith('v1,')) continue;
    const received = Buffer.from(entry, 'utf8');
    for (const candidate of expected) {
      // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the key.
      if (received.length === candidate.length && timingSafeEqual(received, candidate)) return { ok: true };
    }
  }
  return { ok: false, reason: 'NO_MATCHING_SIGNATURE' };
}
