import { webhookHeaders } from './domain';
import { WebhookSecrets } from './webhook-secrets';

describe(WebhookSecrets.name, () => {
  const input = { msgId: 'msg_1', timestamp: 1614265330, body: '{"a":1}' };

  it.each([
    ['sealed', Buffer.alloc(32, 7).toString('base64')],
    ['stored plain', undefined],
  ])('signs with the signing key of a %s secret as with the secret itself, opening it once', (_what, key) => {
    const secrets = new WebhookSecrets({ WEBHOOK_SECRET_KEY: key });
    const { secret, sealed } = secrets.create();
    const open = jest.spyOn(secrets, 'open');
    const first = secrets.signingKey(sealed);
    expect(secrets.signingKey(sealed)).toBe(first);
    expect(open).toHaveBeenCalledTimes(1);
    expect(webhookHeaders({ ...input, secret: first })).toEqual(webhookHeaders({ ...input, secret }));
  });

  it('keeps a bounded number of signing keys', () => {
    const secrets = new WebhookSecrets({ WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') });
    const sealed = Array.from({ length: WebhookSecrets.MAX_SIGNING_KEYS + 1 }, () => secrets.create().sealed);
    for (const s of sealed) secrets.signingKey(s);
    const open = jest.spyOn(secrets, 'open');
    secrets.signingKey(sealed[sealed.length - 1]);
    expect(open).not.toHaveBeenCalled();
    secrets.signingKey(sealed[0]);
    expect(open).toHaveBeenCalledTimes(1);
  });
});
