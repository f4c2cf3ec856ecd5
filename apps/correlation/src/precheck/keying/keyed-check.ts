import type { PrecheckFeature } from '@app/contracts';
import type { GazetteerEntry } from '@app/matching';
import { ProblemException, validateInput } from '@app/platform';
import { checkKeys, identifierTypes } from '../domain/check-keys';
import type { PrecheckKey } from '../domain/precheck-keys';
import { PrecheckRequestDto } from '../dto/precheck-request.dto';

/** A valid check, keyed: what the index is asked and what the audit records. */
export interface KeyedCheck {
  checkId: string;
  crossingPoint: string;
  keys: PrecheckKey[];
  types: PrecheckFeature[];
}

/**
 * Validates a `POST /v1/prechecks` body and keys its identifiers as correlation keys a report
 * of the checking agency: the CPU-heavy part of a check (class-validator, phone and name
 * normalisation), pure, so it runs in a worker thread as well as inline. Bad input throws
 * the problem+json 400.
 */
export function keyCheck(
  body: unknown,
  checkingAgencyId: string,
  gazetteer: readonly GazetteerEntry[],
): KeyedCheck {
  const req = validateInput(PrecheckRequestDto, body, 'pre-check');
  if ((req.conveyances?.length ?? 0) + (req.persons?.length ?? 0) + (req.organisations?.length ?? 0) === 0)
    throw ProblemException.of(400, 'A pre-check needs at least one conveyance, person or organisation.', {
      type: 'validation',
      errors: [{ path: '$', message: 'give at least one of conveyances, persons, organisations' }],
    });
  const keys = checkKeys(req, checkingAgencyId, gazetteer);
  return { checkId: req.checkId, crossingPoint: req.crossingPoint, keys, types: identifierTypes(keys) };
}
