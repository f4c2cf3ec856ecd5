import type { Principal } from '@app/identity';
import { NotificationError, NotificationErrorCode } from '../notification.errors';
import { InMemorySubscriptions, TableResolver } from '../testing/in-memory-webhooks';
import { SubscriptionsService } from './subscriptions.service';
import { WebhookAddressGuard } from './webhook-address.guard';
import { WebhookSecrets } from './webhook-secrets';

const KEY = Buffer.alloc(32, 3).toString('base64');
const anf: Principal = { keyId: 'a'.repeat(16), role: 'liaison', agencyId: 'PK-ANF' };
const cnpa: Principal = { keyId: 'b'.repeat(16), role: 'liaison', agencyId: 'AF-CNPA' };

async function refusal(p: Promise<unknown>): Promise<NotificationError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof NotificationError) return e;
    throw e;
  }
  throw new Error('expected a NotificationError');
}

describe('SubscriptionsService: where webhooks may go, how many, and whose', () => {
  let repo: InMemorySubscriptions;
  let names: TableResolver;
  let service: SubscriptionsService;

  beforeEach(() => {
    repo = new InMemorySubscriptions();
    names = new TableResolver();
    names.table.set('liaison.anf.example', ['8.8.4.4']);
    names.table.set('inside.example', ['192.168.10.5']);
    service = new SubscriptionsService(
      repo,
      new WebhookSecrets({ WEBHOOK_SECRET_KEY: KEY }),
      new WebhookAddressGuard({ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8' }, names),
      { WEBHOOK_SUBSCRIPTIONS_PER_AGENCY: 2 },
    );
  });

  it('stores a public https URL with a sealed secret shown once', async () => {
    const made = await service.create(anf, {
      url: 'https://liaison.anf.example/hook',
      filter: { minScore: 0.5 },
    });
    expect(made.secret).toMatch(/^whsec_/);
    expect(repo.rows[0]).toMatchObject({ agencyId: 'PK-ANF', filter: { minScore: 0.5 } });
    expect(repo.rows[0].sealedSecret).not.toContain(made.secret.slice(6));
    expect((await service.list(anf)).items.map((s) => s.id)).toEqual([made.id]);
  });

  it.each([
    ['http://liaison.anf.example/hook', /must be an https URL/],
    ['https://inside.example/hook', /private address \(inside.example resolves to 192.168.10.5\)/],
    ['https://169.254.169.254/', /link-local/],
    ['https://nowhere.example/', /could not be resolved/],
  ])('refuses %s with a 400-kind error naming url, storing nothing', async (url, why) => {
    const e = await refusal(service.create(anf, { url }));
    expect(e.code).toBe(NotificationErrorCode.WebhookUrlRefused);
    expect(e.errors).toEqual([{ path: 'url', message: expect.stringMatching(why) as unknown }]);
    expect(repo.rows).toHaveLength(0);
  });

  it('takes an allowlisted loopback receiver over http', async () => {
    await expect(service.create(anf, { url: 'http://127.0.0.1:8080/hook' })).resolves.toMatchObject({
      agencyId: 'PK-ANF',
    });
  });

  it('caps subscriptions per agency; a deleted one frees its place; other agencies are not affected', async () => {
    const first = await service.create(anf, { url: 'https://liaison.anf.example/1' });
    await service.create(anf, { url: 'https://liaison.anf.example/2' });
    const e = await refusal(service.create(anf, { url: 'https://liaison.anf.example/3' }));
    expect(e.code).toBe(NotificationErrorCode.TooManySubscriptions);
    expect(e.message).toContain('WEBHOOK_SUBSCRIPTIONS_PER_AGENCY');
    await expect(service.create(cnpa, { url: 'https://liaison.anf.example/c' })).resolves.toBeDefined();
    await service.remove(anf, first.id);
    await expect(service.create(anf, { url: 'https://liaison.anf.example/3' })).resolves.toBeDefined();
  });

  it("answers another agency's subscription as not found", async () => {
    const made = await service.create(anf, { url: 'https://liaison.anf.example/hook' });
    expect((await refusal(service.get(cnpa, made.id))).code).toBe(NotificationErrorCode.SubscriptionNotFound);
    expect((await refusal(service.remove(cnpa, made.id))).code).toBe(
      NotificationErrorCode.SubscriptionNotFound,
    );
    expect((await refusal(service.get(anf, 'not-a-uuid'))).code).toBe(
      NotificationErrorCode.SubscriptionNotFound,
    );
  });
});
