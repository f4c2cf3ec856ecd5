import { randomBytes } from 'node:crypto';
import {
  checkpointMessage,
  checkpointSignatureProblem,
  parseCheckpoint,
  signCheckpoint,
  type Checkpoint,
} from './checkpoint';
import { DEVELOPMENT_SIGNING_SEED, LedgerKeyring, LedgerSigner, keyIdOf, publicLedgerKey } from './keys';

const signer = LedgerSigner.fromBase64(randomBytes(32).toString('base64'));
const other = LedgerSigner.fromBase64(randomBytes(32).toString('base64'));
const keyring = LedgerKeyring.parse(`notification:${signer.publicKey}`);

const checkpoint = (): Checkpoint =>
  signCheckpoint(signer, {
    chainId: 'notification',
    instanceId: '7d0c9a52-0f1e-4d59-9a2e-2f2f0b5c1e11',
    seq: 42,
    headHash: 'a'.repeat(64),
    signedAt: '2026-03-14T10:00:00.000Z',
  });

describe('ledger keys', () => {
  it('derive the public key and key id from the seed, the same every time', () => {
    const seed = randomBytes(32).toString('base64');
    const a = LedgerSigner.fromBase64(seed);
    const b = LedgerSigner.fromBase64(seed);
    expect(a.publicKey).toBe(b.publicKey);
    expect(a.keyId).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(a.keyId).toBe(keyIdOf(Buffer.from(a.publicKey, 'base64')));
    expect(publicLedgerKey(a.publicKey).keyId).toBe(a.keyId);
    expect(a.development).toBe(false);
  });

  it('know the public development key for what it is', () => {
    const dev = LedgerSigner.development();
    expect(dev.development).toBe(true);
    expect(LedgerSigner.fromBase64(DEVELOPMENT_SIGNING_SEED.toString('base64')).keyId).toBe(dev.keyId);
    expect(LedgerKeyring.development().development).toBe(true);
    expect(LedgerKeyring.development().find('any_chain', dev.keyId)).toBeDefined();
  });

  it.each([
    ['not base64 of 32 bytes', 'c2hvcnQ='],
    ['empty', ''],
  ])('refuse a seed that is %s', (_what, seed) => {
    expect(() => LedgerSigner.fromBase64(seed)).toThrow(/LEDGER_SIGNING_KEY must be 32 bytes in base64/);
  });

  it('trust a key only for the chains it is given for, or every chain with *', () => {
    const ring = LedgerKeyring.parse(` notification:${signer.publicKey} , *:${other.publicKey}`);
    expect(ring.find('notification', signer.keyId)).toBeDefined();
    expect(ring.find('correlation', signer.keyId)).toBeUndefined();
    expect(ring.find('correlation', other.keyId)).toBeDefined();
    expect(ring.development).toBe(false);
  });

  it.each([
    ['no key at all', ' , ', /names no key/],
    ['an item without a chain', signer.publicKey, /must be chain:publicKey/],
    ['a chain that is not a schema name', `Notification-1:${signer.publicKey}`, /must be chain:publicKey/],
    [
      'a key that is not 32 bytes',
      'notification:AAAA',
      /for notification: an Ed25519 public key must be 32 bytes/,
    ],
  ])('refuse LEDGER_PUBLIC_KEYS with %s, naming it', (_what, text, message) => {
    expect(() => LedgerKeyring.parse(text)).toThrow(message);
  });
});

describe(signCheckpoint.name, () => {
  it('signs every field with the signer key, verifiable with its public key', () => {
    const c = checkpoint();
    expect(c.keyId).toBe(signer.keyId);
    expect(Buffer.from(c.signature, 'base64')).toHaveLength(64);
    expect(checkpointSignatureProblem(keyring, c)).toBeNull();
    expect(checkpointMessage(c).toString('utf8')).toMatch(/^border-intel ledger checkpoint v1\n\{"chainId":/);
  });

  it.each<[string, Partial<Checkpoint>]>([
    ['chainId', { chainId: 'correlation' }],
    ['instanceId', { instanceId: 'another-instance' }],
    ['seq', { seq: 43 }],
    ['headHash', { headHash: 'b'.repeat(64) }],
    ['signedAt', { signedAt: '2026-03-14T10:00:00.001Z' }],
    ['signature', { signature: Buffer.alloc(64, 1).toString('base64') }],
    ['a signature that is not base64 of 64 bytes', { signature: 'not a signature' }],
  ])('does not verify once %s is changed', (_field, change) => {
    const forged = { ...checkpoint(), ...change };
    const ring = LedgerKeyring.parse(`*:${signer.publicKey}`);
    expect(checkpointSignatureProblem(ring, forged)).toMatchObject({ reason: 'BAD_SIGNATURE' });
  });

  it('names a key it was not given', () => {
    const byOther = signCheckpoint(other, { ...checkpoint() });
    expect(checkpointSignatureProblem(keyring, byOther)).toEqual({
      reason: 'UNKNOWN_KEY',
      detail: expect.stringContaining(
        `signed by key ${other.keyId}, which is not trusted for chain notification`,
      ) as unknown,
    });
  });

  it('does not take a signature made with another key under this key id', () => {
    const byOther = signCheckpoint(other, { ...checkpoint() });
    expect(checkpointSignatureProblem(keyring, { ...byOther, keyId: signer.keyId })).toMatchObject({
      reason: 'BAD_SIGNATURE',
    });
  });
});

describe(parseCheckpoint.name, () => {
  it('reads what was published', () => {
    const c = checkpoint();
    expect(parseCheckpoint(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });

  it.each<[string, unknown, RegExp]>([
    ['an array', [], /must be a JSON object/],
    ['null', null, /must be a JSON object/],
    ['no chainId', { ...checkpoint(), chainId: undefined }, /chainId must be a string/],
    ['a seq of 0', { ...checkpoint(), seq: 0 }, /seq must be a whole number of at least 1/],
    ['a seq as text', { ...checkpoint(), seq: '42' }, /seq must be a whole number/],
    ['a short head hash', { ...checkpoint(), headHash: 'abc' }, /headHash must be 64 hex digits/],
    [
      'a date that is not one',
      { ...checkpoint(), signedAt: 'yesterday' },
      /signedAt must be an ISO 8601 instant/,
    ],
    ['no signature', { ...checkpoint(), signature: '' }, /signature must be a string/],
  ])('refuses %s, naming the field', (_what, value, message) => {
    expect(() => parseCheckpoint(value)).toThrow(message);
  });
});
