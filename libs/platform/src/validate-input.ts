import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '@app/contracts';
import { ProblemException } from './problem';

/**
 * Validates a query or small body against a class-validator DTO; a problem lists every bad
 * field by path (400). Unknown fields are rejected.
 */
export function validateInput<T extends object>(cls: new () => T, plain: unknown, what = 'request'): T {
  const value = plainToInstance(cls, plain ?? {});
  const errors = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: true, value: true },
  });
  if (errors.length > 0) {
    const fields = flattenValidationErrors(errors);
    throw ProblemException.of(
      400,
      `The ${what} has ${fields.length} problem${fields.length === 1 ? '' : 's'}; see errors[].`,
      { type: 'validation', errors: fields },
    );
  }
  return value;
}
