import { ApiKeyVerifier } from './api-key.verifier';
import { generateApiKey, Principal } from './domain/api-key';

describe(ApiKeyVerifier.name, () => {
  const k = generateApiKey();
  const principal: Principal = { keyId: k.keyId, role: 'publisher', agencyId: 'PK-ANF' };
  let revoked = false;
  let lookups = 0;
  const store = {
    findKey: async (id: string) => {
      lookups++;
      return id === k.keyId ? { principal, secretHash: k.secretHash, revoked } : null;
    },
  };

  beforeEach(() => {
    revoked = false;
    lookups = 0;
  });

  it('accepts the right key and rejects a wrong secret or unknown id', async () => {
    const v = new ApiKeyVerifier(store, 0);
    await expect(v.verify(k.key)).resolves.toEqual(principal);
    await expect(v.verify(k.key.slice(0, -1) + (k.key.endsWith('A') ? 'B' : 'A'))).resolves.toBeNull();
    await expect(v.verify(generateApiKey().key)).resolves.toBeNull();
    await expect(v.verify('not-a-key')).resolves.toBeNull();
  });

  it('rejects a revoked key once the cache entry expires', async () => {
    let now = 1000;
    const v = new ApiKeyVerifier(store, 2000, () => now);
    await expect(v.verify(k.key)).resolves.toEqual(principal);
    revoked = true;
    await expect(v.verify(k.key)).resolves.toEqual(principal);
    expect(lookups).toBe(1);
    now += 2001;
    await expect(v.verify(k.key)).resolves.toBeNull();
    expect(lookups).toBe(2);
  });

  it('looks a key up once for all the requests that present it while it is being looked up', async () => {
    let now = 1000;
    const v = new ApiKeyVerifier(store, 2000, () => now);
    const first = await Promise.all(Array.from({ length: 20 }, () => v.verify(k.key)));
    expect(first).toEqual(Array(20).fill(principal));
    expect(lookups).toBe(1);
    // The entry expires: the requests in flight share one refresh, which sees the revocation.
    revoked = true;
    now += 2001;
    const refreshed = await Promise.all(Array.from({ length: 20 }, () => v.verify(k.key)));
    expect(refreshed).toEqual(Array(20).fill(null));
    expect(lookups).toBe(2);
  });

  it('shares no lookup once it has finished (without a cache, every request looks the key up)', async () => {
    const v = new ApiKeyVerifier(store, 0);
    await v.verify(k.key);
    revoked = true;
    await expect(v.verify(k.key)).resolves.toBeNull();
    expect(lookups).toBe(2);
  });
});
