import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, type ReportValidation } from '../reports';

/** Validates an internal event (e.g. CaseLinked) with its DTO, listing every problem by JSON path. */
export function validateEvent<T extends object>(cls: new () => T, plain: unknown): ReportValidation<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, errors: [{ path: '$', message: 'must be a JSON object' }] };
  }
  const value = plainToInstance(cls, plain);
  const errors = validateSync(value, { forbidUnknownValues: true, whitelist: false });
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors: flattenValidationErrors(errors) };
}
