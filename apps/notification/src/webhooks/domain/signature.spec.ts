import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import {
  decodeWebhookSecret,
  generateWebhookSecret,
  signWebhook,
  webhookHeaders,
  webhookSigningKey,
  type WebhookHeaders,
} from './signature';
import { verifyWebhook } from '../../testing/verify-webhook';

// The vector the Standard Webhooks reference libraries test against.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  msgId: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const body = JSON.stringify({
  alertId: '0b7c6f1e-3f0a-4d7e-9a53-6c1f2b9d8e41',
  recipientAgencyId: 'PK-ANF',
  severity: 'HIGH',
  summary: 'Container MSKU 1234565 seen at Torkham',
});

// The reference library checks the timestamp against the real clock, so these cases sign "now".
const nowSeconds = () => Math.floor(Date.now() / 1000);

const referenceVerifies = (secret: string, payload: string, headers: WebhookHeaders): boolean => {
  try {
    new Webhook(secret).verify(payload, { ...headers });
    return true;
  } catch {
    return false;
  }
};

describe(generateWebhookSecret.name, () => {
  it('serialises the bytes as whsec_ and base64, and decodes back to the same bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
    const secret = generateWebhookSecret(bytes);
    expect(secret).toBe(`whsec_${bytes.toString('base64')}`);
    expect(decodeWebhookSecret(secret).equals(bytes)).toBe(true);
  });

  it.each([24, 32, 64])('accepts %d bytes', (size) => {
    expect(generateWebhookSecret(Buffer.alloc(size, 7))).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  });

  it.each([0, 16, 23, 65])('rejects %d bytes', (size) => {
    expect(() => generateWebhookSecret(Buffer.alloc(size))).toThrow(RangeError);
  });
});

describe(decodeWebhookSecret.name, () => {
  it.each(['whsec_', 'whsec_not base64!', 'whsec_abc', ''])('rejects %p', (secret) => {
    expect(() => decodeWebhookSecret(secret)).toThrow(TypeError);
  });

  it('accepts a bare base64 secret as the reference libraries do', () => {
    expect(decodeWebhookSecret('AAECAw==').equals(Buffer.from([0, 1, 2, 3]))).toBe(true);
  });
});

describe(signWebhook.name, () => {
  it('reproduces the Standard Webhooks reference vector', () => {
    expect(signWebhook(VECTOR)).toBe(VECTOR.signature);
  });

  it.each([
    { name: 'an ASCII JSON body', body },
    {
      name: 'a body with non-ASCII text',
      body: JSON.stringify({ summary: 'طورخم — تورخم', plate: 'کابل ۴۵۲۱' }),
    },
    { name: 'an empty body', body: '' },
  ])('produces what the standardwebhooks library produces for $name', ({ body: payload }) => {
    const secret = generateWebhookSecret(randomBytes(32));
    const timestamp = 1_700_000_123;
    expect(signWebhook({ secret, msgId: 'msg_1', timestamp, body: payload })).toBe(
      new Webhook(secret).sign('msg_1', new Date(timestamp * 1000), payload),
    );
  });

  it.each([
    { name: 'a dot in the id', msgId: 'msg.1', timestamp: 1 },
    { name: 'an empty id', msgId: '', timestamp: 1 },
    { name: 'a fractional timestamp', msgId: 'msg_1', timestamp: 1.5 },
    { name: 'a negative timestamp', msgId: 'msg_1', timestamp: -1 },
  ])('refuses to sign with $name', ({ msgId, timestamp }) => {
    expect(() => signWebhook({ secret: VECTOR.secret, msgId, timestamp, body })).toThrow();
  });
});

describe(webhookHeaders.name, () => {
  it('builds the three Standard Webhooks headers', () => {
    expect(webhookHeaders(VECTOR)).toEqual({
      'webhook-id': VECTOR.msgId,
      'webhook-timestamp': '1614265330',
      'webhook-signature': VECTOR.signature,
    });
  });

  it('lists one signature per secret during a rotation, each accepted by the reference library', () => {
    const oldSecret = generateWebhookSecret(randomBytes(24));
    const newSecret = generateWebhookSecret(randomBytes(32));
    const headers = webhookHeaders({
      secret: [newSecret, oldSecret],
      msgId: 'msg_rot',
      timestamp: nowSeconds(),
      body,
    });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(referenceVerifies(oldSecret, body, headers)).toBe(true);
    expect(referenceVerifies(newSecret, body, headers)).toBe(true);
  });

  it('signs with a signing key made once exactly as with the secret it was made from', () => {
    expect(webhookHeaders({ ...VECTOR, secret: webhookSigningKey(VECTOR.secret) })).toEqual(
      webhookHeaders(VECTOR),
    );
    const rotated = generateWebhookSecret(randomBytes(32));
    expect(
      webhookHeaders({ ...VECTOR, secret: [webhookSigningKey(rotated), webhookSigningKey(VECTOR.secret)] }),
    ).toEqual(webhookHeaders({ ...VECTOR, secret: [rotated, VECTOR.secret] }));
    expect(() => webhookSigningKey('whsec_not base64!')).toThrow(TypeError);
  });

  it('refuses an empty list of secrets', () => {
    expect(() => webhookHeaders({ secret: [], msgId: 'msg_1', timestamp: 1, body })).toThrow(TypeError);
  });
});

describe('signatures checked by the independent standardwebhooks library', () => {
  const secret = generateWebhookSecret(randomBytes(32));
  const otherSecret = generateWebhookSecret(randomBytes(32));

  it.each([
    { name: 'an untouched delivery', verifyWith: secret, payload: body, age: 0, accepted: true },
    { name: 'a delivery signed 4 minutes ago', verifyWith: secret, payload: body, age: 240, accepted: true },
    {
      name: 'a tampered body',
      verifyWith: secret,
      payload: body.replace('HIGH', 'LOW'),
      age: 0,
      accepted: false,
    },
    { name: 'the wrong secret', verifyWith: otherSecret, payload: body, age: 0, accepted: false },
    {
      name: 'a stale timestamp (10 minutes old)',
      verifyWith: secret,
      payload: body,
      age: 600,
      accepted: false,
    },
    { name: 'a timestamp 10 minutes ahead', verifyWith: secret, payload: body, age: -600, accepted: false },
  ])('$name: accepted=$accepted', ({ verifyWith, payload, age, accepted }) => {
    const headers = webhookHeaders({
      secret,
      msgId: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      timestamp: nowSeconds() - age,
      body,
    });
    expect(referenceVerifies(verifyWith, payload, headers)).toBe(accepted);
  });

  it('a changed webhook-id fails', () => {
    const headers = webhookHeaders({ secret, msgId: 'msg_a', timestamp: nowSeconds(), body });
    expect(referenceVerifies(secret, body, { ...headers, 'webhook-id': 'msg_b' })).toBe(false);
  });
});

describe(verifyWebhook.name, () => {
  const secret = VECTOR.secret;
  const now = 1_700_000_000;
  const signed = (overrides: Partial<WebhookHeaders> = {}, timestamp = now): Record<string, string> => ({
    ...webhookHeaders({ secret, msgId: 'msg_1', timestamp, body }),
    ...overrides,
  });

  it.each([
    { name: 'a fresh, untouched delivery', headers: signed(), payload: body, expected: { ok: true } },
    {
      name: 'header names in another case',
      headers: Object.fromEntries(Object.entries(signed()).map(([k, v]) => [k.toUpperCase(), v])),
      payload: body,
      expected: { ok: true },
    },
    {
      name: 'our signature beside a v1a and a future scheme',
      headers: signed({ 'webhook-signature': `v1a,AAAA v2,BBBB ${signed()['webhook-signature']}` }),
      payload: body,
      expected: { ok: true },
    },
    {
      name: 'the edge of the tolerance',
      headers: signed({}, now - 300),
      payload: body,
      expected: { ok: true },
    },
    {
      name: 'a tampered body',
      headers: signed(),
      payload: body.replace('PK-ANF', 'AF-CNPA'),
      expected: { ok: false, reason: 'NO_MATCHING_SIGNATURE' },
    },
    {
      name: 'a signature cut short',
      headers: signed({ 'webhook-signature': signed()['webhook-signature'].slice(0, -4) }),
      payload: body,
      expected: { ok: false, reason: 'NO_MATCHING_SIGNATURE' },
    },
    {
      name: 'a valid signature under another version tag',
      headers: signed({ 'webhook-signature': signed()['webhook-signature'].replace('v1,', 'v2,') }),
      payload: body,
      expected: { ok: false, reason: 'NO_MATCHING_SIGNATURE' },
    },
    {
      name: 'a stale timestamp',
      headers: signed({}, now - 301),
      payload: body,
      expected: { ok: false, reason: 'TIMESTAMP_TOO_OLD' },
    },
    {
      name: 'a timestamp from the future',
      headers: signed({}, now + 301),
      payload: body,
      expected: { ok: false, reason: 'TIMESTAMP_TOO_NEW' },
    },
    {
      name: 'a timestamp that is not whole seconds',
      headers: signed({ 'webhook-timestamp': '1700000000.5' }),
      payload: body,
      expected: { ok: false, reason: 'INVALID_TIMESTAMP' },
    },
    {
      name: 'a missing signature header',
      headers: { 'webhook-id': 'msg_1', 'webhook-timestamp': String(now) },
      payload: body,
      expected: { ok: false, reason: 'MISSING_HEADERS' },
    },
  ])('$name', ({ headers, payload, expected }) => {
    expect(verifyWebhook({ secret, body: payload, headers, nowSeconds: now })).toEqual(expected);
  });

  it('rejects the wrong secret', () => {
    const otherSecret = generateWebhookSecret(Buffer.alloc(32, 1));
    expect(verifyWebhook({ secret: otherSecret, body, headers: signed(), nowSeconds: now })).toEqual({
      ok: false,
      reason: 'NO_MATCHING_SIGNATURE',
    });
  });

  it('accepts a signature made with any of the secrets during a rotation', () => {
    const otherSecret = generateWebhookSecret(Buffer.alloc(32, 1));
    expect(
      verifyWebhook({ secret: [otherSecret, secret], body, headers: signed(), nowSeconds: now }),
    ).toEqual({
      ok: true,
    });
  });

  it('honours a custom tolerance', () => {
    expect(
      verifyWebhook({ secret, body, headers: signed({}, now - 31), nowSeconds: now, toleranceSeconds: 30 }),
    ).toEqual({
      ok: false,
      reason: 'TIMESTAMP_TOO_OLD',
    });
  });

  it('accepts what the standardwebhooks library signs', () => {
    const timestamp = 1_650_000_000;
    const signature = new Webhook(secret).sign('msg_ref', new Date(timestamp * 1000), body);
    const headers = {
      'webhook-id': 'msg_ref',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signature,
    };
    expect(verifyWebhook({ secret, body, headers, nowSeconds: timestamp + 5 })).toEqual({ ok: true });
  });
});
