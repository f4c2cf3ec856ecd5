import { openSecret, sealSecret } from './secret-box';

const key = Buffer.alloc(32, 1);
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe(sealSecret.name, () => {
  it('seals with a key so the stored form does not contain the secret, and opens it again', () => {
    const sealed = sealSecret(secret, key);
    expect(sealed).toMatch(/^gcm1:/);
    expect(sealed).not.toContain(secret.slice(6));
    expect(openSecret(sealed, key)).toBe(secret);
  });

  it('uses a fresh nonce each time', () => {
    expect(sealSecret(secret, key)).not.toBe(sealSecret(secret, key));
  });

  it('stores the secret marked plain without a key', () => {
    expect(sealSecret(secret, null)).toBe(`plain:${secret}`);
    expect(openSecret(`plain:${secret}`, null)).toBe(secret);
  });

  it('rejects a key of the wrong size', () => {
    expect(() => sealSecret(secret, Buffer.alloc(16))).toThrow(RangeError);
  });
});

describe(openSecret.name, () => {
  it.each<[string, (sealed: string) => string, Buffer | null]>([
    ['the wrong key', (s) => s, Buffer.alloc(32, 2)],
    ['no key', (s) => s, null],
    ['a tampered ciphertext', (s) => s.slice(0, -4) + (s.endsWith('AAAA') ? 'BBBB' : 'AAAA'), key],
    ['an unknown scheme', (s) => s.replace('gcm1', 'rot13'), key],
  ])('refuses %s', (_, mangle, openWith) => {
    expect(() => openSecret(mangle(sealSecret(secret, key)), openWith)).toThrow();
  });
});
