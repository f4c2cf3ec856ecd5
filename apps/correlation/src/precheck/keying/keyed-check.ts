import type { PrecheckFeature } from '@app/contracts';
import type { GazetteerEntry } from '@app/matching';
import { ProblemException, validateInput } from '@app/platform';
import { checkKeys, identifierTypes } from '../domain/check-keys';
import type { PrecheckKey } from '../domain/precheck-keys';
import { isCertainlyValidPrecheck } from '../dto/precheck-request.fast-check';
import { PrecheckRequestDto } from '../dto/precheck-request.dto';

/** A valid check, keyed: what the index is asked and what the audit records. */
export interface KeyedCheck {
  checkId: string;
  crossingPoint: string;
  keys: PrecheckKey[];
  types: PrecheckFeature[];
}

const hasIdentifiers = (req: PrecheckRequestDto) =>
  (req.conveyances?.length ?? 0) + (req.persons?.length ?? 0) + (req.organisations?.length ?? 0) > 0;

function keyed(req: PrecheckRequestDto, checkingAgencyId: string, gazetteer: readonly GazetteerEntry[]) {
  const keys = checkKeys(req, checkingAgencyId, gazetteer);
  return { checkId: req.checkId, crossingPoint: req.crossingPoint, keys, types: identifierTypes(keys) };
}

/**
 * Validates a `POST /v1/prechecks` body and keys its identifiers as correlation keys a report
 * of the checking agency: the CPU-heavy part of a check (validation, phone and name
 * normalisation), pure, so it runs in a worker thread as well as inline. A body the compiled
 * check finds certainly valid skips class-validator; any other is validated by it, and bad
 * input throws the problem+json 400.
 */
export function keyCheck(
  body: unknown,
  checkingAgencyId: string,
  gazetteer: readonly GazetteerEntry[],
): KeyedCheck {
  const req = isCertainlyValidPrecheck(body) ? body : validateInput(PrecheckRequestDto, body, 'pre-check');
  if (!hasIdentifiers(req))
    throw ProblemException.of(400, 'A pre-check needs at least one conveyance, person or organisation.', {
      type: 'validation',
      errors: [{ path: '$', message: 'give at least one of conveyances, persons, organisations' }],
    });
  return keyed(req, checkingAgencyId, gazetteer);
}

/**
 * The fast route's keying: the body as sent (JSON text), keyed only when it is certainly a
 * valid check (it parses, the compiled check accepts it, it names an identifier); otherwise
 * null, never an error, and the full route answers it (its problem+json included). A body
 * the compiled check accepts has no field it does not know, so none named `__proto__` or
 * `constructor`: the full route's parser (secure-json-parse) would have accepted it too.
 */
export function keyCertainCheck(
  text: string,
  checkingAgencyId: string,
  gazetteer: readonly GazetteerEntry[],
): KeyedCheck | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isCertainlyValidPrecheck(body) || !hasIdentifiers(body)) return null;
  return keyed(body, checkingAgencyId, gazetteer);
}
