import { randomBytes } from 'node:crypto';
import { CommonEnv, ConfigError, loadConfig } from '@app/config';
import { describeEnv } from '../../../../scripts/env-reference';
import { DEVELOPMENT_SIGNING_SEED, LedgerSigner } from '../keys';
import { LedgerPreviousPublicKeysVariable, LedgerSigningKeyVariable } from './ledger-env';
import { ledgerSignerFromEnv } from './ledger.module';

class WriterEnv extends CommonEnv {
  @LedgerSigningKeyVariable()
  LEDGER_SIGNING_KEY?: string;

  @LedgerPreviousPublicKeysVariable()
  LEDGER_PREVIOUS_PUBLIC_KEYS?: string;
}

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/intel' };
const load = (env: Record<string, string>) => loadConfig('writer', WriterEnv, { ...base, ...env });
const problems = (env: Record<string, string>): string => {
  try {
    load(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  return '';
};

describe('the ledger signing key at start', () => {
  const key = randomBytes(32).toString('base64');

  it('is required in production, the default, naming the variable and how to make one', () => {
    expect(problems({})).toMatch(
      /LEDGER_SIGNING_KEY: is required when RUN_MODE is production .*intelctl audit keygen/,
    );
    expect(problems({ RUN_MODE: 'production', LEDGER_SIGNING_KEY: '' })).toMatch(
      /LEDGER_SIGNING_KEY: is required/,
    );
  });

  it('refuses the public development key in production', () => {
    expect(problems({ LEDGER_SIGNING_KEY: DEVELOPMENT_SIGNING_SEED.toString('base64') })).toMatch(
      /LEDGER_SIGNING_KEY: .*not the public development key unless RUN_MODE=development/,
    );
  });

  it.each(['not-a-key', 'c2hvcnQ=', `${key}x`])('refuses %s as a key', (bad) => {
    expect(problems({ LEDGER_SIGNING_KEY: bad })).toMatch(/LEDGER_SIGNING_KEY: must be 32 bytes in base64/);
  });

  it('refuses an unknown RUN_MODE', () => {
    expect(problems({ RUN_MODE: 'staging', LEDGER_SIGNING_KEY: key })).toMatch(
      /RUN_MODE: must be one of production, development/,
    );
  });

  it('signs with the given key in production', () => {
    const env = load({ LEDGER_SIGNING_KEY: key });
    expect(env.RUN_MODE).toBe('production');
    const warn = jest.fn();
    expect(ledgerSignerFromEnv(env, { warn }).keyId).toBe(LedgerSigner.fromBase64(key).keyId);
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back to the development key, with a warning, only in a development run', () => {
    const env = load({ RUN_MODE: 'development' });
    const warn = jest.fn();
    const signer = ledgerSignerFromEnv(env, { warn });
    expect(signer.development).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('PUBLIC development key'));
    expect(() => ledgerSignerFromEnv({ RUN_MODE: 'production' }, { warn })).toThrow(
      /LEDGER_SIGNING_KEY is required/,
    );
  });

  it('takes a list of previous public keys and refuses anything else', () => {
    const pub = LedgerSigner.fromBase64(key).publicKey;
    expect(load({ LEDGER_SIGNING_KEY: key, LEDGER_PREVIOUS_PUBLIC_KEYS: `${pub}, ${pub}` })).toBeDefined();
    expect(problems({ LEDGER_SIGNING_KEY: key, LEDGER_PREVIOUS_PUBLIC_KEYS: 'abc' })).toMatch(
      /LEDGER_PREVIOUS_PUBLIC_KEYS: must be a comma-separated list of Ed25519 public keys/,
    );
  });

  it('is documented as a secret required in production, with what it accepts', () => {
    const vars = describeEnv(WriterEnv);
    expect(vars.find((v) => v.name === 'LEDGER_SIGNING_KEY')).toMatchObject({
      secret: true,
      default: null,
      required: 'when RUN_MODE is production (the default)',
      allowed: expect.stringContaining('not the public development key') as unknown,
    });
    expect(vars.find((v) => v.name === 'RUN_MODE')).toMatchObject({ default: 'production', required: 'no' });
  });
});
