import { generateApiKey, hashSecret, parseApiKey, type Principal } from './api-key';
import {
  PRODUCER_KEY_HEADER,
  PRODUCER_MAC_HEADER,
  producerHeaders,
  producerProblem,
  type ProducedRecord,
  type StoredKey,
} from './record-mac';

const TOPIC = 'intel.seizure.reported.v1';

function keyOf(agencyId: string | null, role: Principal['role'] = 'publisher') {
  const { keyId, key, secretHash } = generateApiKey();
  const stored: StoredKey = { principal: { keyId, role, agencyId }, secretHash, revoked: false };
  return { key, stored };
}

function signed(
  apiKey: string,
  claimedAgencyId: string,
  value = `{"agencyId":"${claimedAgencyId}"}`,
): ProducedRecord {
  const key = `${claimedAgencyId}:CASE-1`;
  return {
    topic: TOPIC,
    key,
    value: Buffer.from(value),
    headers: producerHeaders(apiKey, TOPIC, key, value),
    claimedAgencyId,
  };
}

describe(producerProblem.name, () => {
  const anf = keyOf('PK-ANF');

  it('accepts a record signed with a publisher key of the agency it claims', () => {
    expect(producerProblem(signed(anf.key, 'PK-ANF'), anf.stored)).toBeNull();
  });

  it('refuses a record that claims another agency, naming both', () => {
    expect(producerProblem(signed(anf.key, 'AF-CNPA'), anf.stored)).toBe(
      'record claims agency AF-CNPA but is signed by a key of PK-ANF',
    );
  });

  it('refuses an unsigned record', () => {
    const record = { ...signed(anf.key, 'PK-ANF'), headers: {} };
    expect(producerProblem(record, null)).toMatch(/^unsigned record/);
  });

  it('refuses a record whose value, key or topic changed after signing', () => {
    const record = signed(anf.key, 'PK-ANF');
    const changes: Partial<ProducedRecord>[] = [
      { value: Buffer.from('{"agencyId":"PK-ANF","x":1}') },
      { key: 'PK-ANF:CASE-2' },
      { topic: 'intel.route.reported.v1' },
    ];
    for (const change of changes) {
      expect(producerProblem({ ...record, ...change }, anf.stored)).toMatch(/producer-mac does not match/);
    }
  });

  it('refuses a MAC made with another agency key presented under this key id', () => {
    const cnpa = keyOf('AF-CNPA');
    const record = signed(cnpa.key, 'PK-ANF');
    const forged = {
      ...record,
      headers: { ...record.headers, [PRODUCER_KEY_HEADER]: anf.stored.principal.keyId },
    };
    expect(producerProblem(forged, anf.stored)).toMatch(/producer-mac does not match/);
  });

  it('refuses unknown and revoked keys and keys of other roles', () => {
    const record = signed(anf.key, 'PK-ANF');
    expect(producerProblem(record, null)).toMatch(/is unknown/);
    expect(producerProblem(record, { ...anf.stored, revoked: true })).toMatch(/is revoked/);
    const liaison = keyOf('PK-ANF', 'liaison');
    expect(producerProblem(signed(liaison.key, 'PK-ANF'), liaison.stored)).toMatch(/role liaison/);
  });

  it('signs with the stored hash, so the gateway can sign for the key that authenticated the request', () => {
    const parsed = parseApiKey(anf.key)!;
    expect(hashSecret(parsed.secret)).toBe(anf.stored.secretHash);
    const record = signed(anf.key, 'PK-ANF');
    expect(record.headers[PRODUCER_MAC_HEADER]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
