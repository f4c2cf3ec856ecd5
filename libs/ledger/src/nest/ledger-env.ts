// The ledger's variables, declared the same way by every service that writes a chain (each adds
// `@LedgerSigningKeyVariable() LEDGER_SIGNING_KEY?: string;` and the like to its env class).
import {
  IsNotEmpty,
  IsOptional,
  Matches,
  Validate,
  ValidateIf,
  ValidationArguments,
  ValidatorConstraint,
} from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { EnvDoc } from '@app/config';
import { DEVELOPMENT_SIGNING_SEED } from '../keys';

/** What the ledger reads from a service's validated env. */
export interface LedgerEnv {
  RUN_MODE: 'production' | 'development';
  LEDGER_SIGNING_KEY?: string;
  LEDGER_PREVIOUS_PUBLIC_KEYS?: string;
}

const KEY_LIST = /^\s*[A-Za-z0-9+/]{43}=(\s*,\s*[A-Za-z0-9+/]{43}=)*\s*$/;

/** The public development key is refused unless RUN_MODE=development. */
@ValidatorConstraint({ name: 'notTheDevelopmentKey' })
class NotTheDevelopmentKey implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return (
      (args.object as Partial<LedgerEnv>).RUN_MODE === 'development' ||
      value !== DEVELOPMENT_SIGNING_SEED.toString('base64')
    );
  }

  defaultMessage(): string {
    return 'not the public development key unless RUN_MODE=development';
  }
}

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => decorators.forEach((d) => d(target, property));
}

/** `LEDGER_SIGNING_KEY`: required unless RUN_MODE=development. */
export function LedgerSigningKeyVariable(): PropertyDecorator {
  return all(
    EnvDoc(
      "Ed25519 private key (its 32-byte seed in base64) that signs this service's disclosure ledger checkpoints " +
        '(docs/ledger.md). Keep it in the secret store, never in the database; hand its public key ' +
        '(`npx intelctl audit keygen` prints both) to the agencies and auditors who verify. With ' +
        'RUN_MODE=development and no key, the public development key signs, with a warning.',
      { secret: true, requiredWhen: 'RUN_MODE is production (the default)' },
    ),
    ValidateIf((e: Partial<LedgerEnv>) => e.RUN_MODE !== 'development' || e.LEDGER_SIGNING_KEY !== undefined),
    IsNotEmpty({
      message:
        'is required when RUN_MODE is production (the default): create one with `npx intelctl audit keygen`',
    }),
    Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64 (npx intelctl audit keygen)' }),
    Validate(NotTheDevelopmentKey),
  );
}

/** `LEDGER_PREVIOUS_PUBLIC_KEYS`: public keys the chain was signed with before a key rotation. */
export function LedgerPreviousPublicKeysVariable(): PropertyDecorator {
  return all(
    EnvDoc(
      'After a rotation of LEDGER_SIGNING_KEY: the public keys (base64, comma-separated) that signed ' +
        "this service's ledger before, so it may extend a chain whose newest checkpoint one of them signed.",
    ),
    IsOptional(),
    Matches(KEY_LIST, {
      message: 'must be a comma-separated list of Ed25519 public keys (32 bytes in base64 each)',
    }),
  );
}
