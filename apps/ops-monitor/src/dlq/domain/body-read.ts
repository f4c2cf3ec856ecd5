// Reading a dead-lettered record's body: the request an operator makes (a reason is required)
// and the disclosure ledger entry that records it before the body is shown. Pure.
import type { FieldError } from '@app/contracts';
import type { JsonValue, LedgerEntryData } from '@app/ledger';
import { dlqRecordRef, type DlqBodyView } from './dlq-record';

/** Longest reason accepted, in characters. */
export const MAX_REASON_LENGTH = 1000;

/** Why an operator reads a body; the reason goes into the ledger with the read. */
export interface BodyReadRequest {
  reason: string;
}

/** The result of parsing a body-read request: the request, or every problem with its JSON path. */
export type ParsedBodyReadRequest =
  { ok: true; request: BodyReadRequest } | { ok: false; errors: FieldError[] };

/** Parses `{ reason }`: free text, required, not blank, at most {@link MAX_REASON_LENGTH} characters. */
export function parseBodyReadRequest(body: unknown): ParsedBodyReadRequest {
  if (body === undefined || body === null || body === '') {
    return { ok: false, errors: [{ path: 'reason', message: 'is required: say why you read this body' }] };
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, errors: [{ path: '$', message: 'must be a JSON object' }] };
  }
  const b = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(b)) {
    if (key !== 'reason') errors.push({ path: key, message: 'is not an allowed field' });
  }
  const reason = typeof b.reason === 'string' ? b.reason.trim() : '';
  if (b.reason === undefined)
    errors.push({ path: 'reason', message: 'is required: say why you read this body' });
  else if (typeof b.reason !== 'string') errors.push({ path: 'reason', message: 'must be a string' });
  else if (reason === '') errors.push({ path: 'reason', message: 'must not be blank' });
  else if (reason.length > MAX_REASON_LENGTH)
    errors.push({ path: 'reason', message: `must be at most ${MAX_REASON_LENGTH} characters` });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, request: { reason } };
}

/**
 * The ledger entry of a body read (docs/ledger.md): the operator (by API key id) received the
 * record's value over the API; the entry quotes the value as shown and the operator's reason.
 */
export function bodyReadEntry(
  body: DlqBodyView,
  operatorKeyId: string,
  reason: string,
  at: Date,
): LedgerEntryData {
  const ref = dlqRecordRef(body.topic, body.partition, body.offset);
  return {
    recordedAt: at.toISOString(),
    recipient: { type: 'OPERATOR', id: operatorKeyId },
    kind: 'DLQ_BODY_READ',
    subjectId: ref,
    channels: ['API'],
    disclosed: [
      {
        source: 'dlq-record',
        id: ref,
        fields: [
          { path: 'value', value: body.value as JsonValue },
          { path: 'valueFormat', value: body.valueFormat },
        ],
      },
      { source: 'operator-request', id: ref, fields: [{ path: 'reason', value: reason }] },
    ],
  };
}
