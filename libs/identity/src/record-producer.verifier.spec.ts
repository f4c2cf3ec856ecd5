import { generateApiKey } from './domain/api-key';
import { producerHeaders, type StoredKey } from './domain/record-mac';
import { RecordProducerVerifier } from './record-producer.verifier';

const TOPIC = 'intel.route.reported.v1';

function fixture(ttlMs = 2000) {
  const { keyId, key, secretHash } = generateApiKey();
  const keys = new Map<string, StoredKey>([
    [keyId, { principal: { keyId, role: 'publisher', agencyId: 'AF-ABP' }, secretHash, revoked: false }],
  ]);
  let queries = 0;
  let clock = 0;
  const store = {
    findKey: (id: string) => {
      queries += 1;
      return Promise.resolve(keys.get(id) ?? null);
    },
  };
  const record = (claimed: string, signedBy = key) => {
    const value = `{"agencyId":"${claimed}"}`;
    return {
      topic: TOPIC,
      key: 'k',
      value,
      headers: producerHeaders(signedBy, TOPIC, 'k', value),
      claimedAgencyId: claimed,
    };
  };
  return {
    keys,
    keyId,
    record,
    queries: () => queries,
    tick: (ms: number) => (clock += ms),
    verifier: (mode: 'required' | 'if-signed') => new RecordProducerVerifier(store, mode, ttlMs, () => clock),
  };
}

describe(RecordProducerVerifier.name, () => {
  it('refuses unsigned records when signatures are required, and lets them through when only checked if present', async () => {
    const f = fixture();
    const unsigned = { ...f.record('AF-ABP'), headers: {} };
    expect(await f.verifier('required').problem(unsigned)).toMatch(/^unsigned record/);
    expect(await f.verifier('if-signed').problem(unsigned)).toBeNull();
  });

  it('refuses a signed impersonation in either mode', async () => {
    const f = fixture();
    for (const mode of ['required', 'if-signed'] as const) {
      expect(await f.verifier(mode).problem(f.record('PK-ANF'))).toMatch(/claims agency PK-ANF/);
    }
  });

  it('looks a key up once per TTL for a batch of records, and sees a revocation after the TTL', async () => {
    const f = fixture(2000);
    const verifier = f.verifier('required');
    const results = await Promise.all([1, 2, 3, 4].map(() => verifier.problem(f.record('AF-ABP'))));
    expect(results).toEqual([null, null, null, null]);
    expect(f.queries()).toBe(1);
    f.keys.set(f.keyId, { ...f.keys.get(f.keyId)!, revoked: true });
    expect(await verifier.problem(f.record('AF-ABP'))).toBeNull();
    f.tick(2001);
    expect(await verifier.problem(f.record('AF-ABP'))).toMatch(/is revoked/);
    expect(f.queries()).toBe(2);
  });
});
