import { loadConfig } from '@app/config';
import { consumerOptionsOf } from '@app/platform';
import { NotificationEnv } from './notification.env';
import { notificationService } from './notification.service-definition';

const ENV = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/intel',
  LEDGER_SIGNING_KEY: Buffer.alloc(32, 9).toString('base64'),
  WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function consumerOf(env: Record<string, string>) {
  const options = consumerOptionsOf(notificationService, loadConfig('notification', NotificationEnv, env));
  return options!.options!.consumer!;
}

describe("notification's Kafka consumer (docs/operating.md#fetch-batching)", () => {
  it('asks the broker to hold fetches for NOTIFICATION_FETCH_MIN_BYTES or NOTIFICATION_FETCH_MAX_WAIT_MS', () => {
    expect(consumerOf(ENV)).toMatchObject({ minBytes: 65_536, maxWaitTimeInMs: 100 });
    expect(
      consumerOf({ ...ENV, NOTIFICATION_FETCH_MIN_BYTES: '1', NOTIFICATION_FETCH_MAX_WAIT_MS: '5000' }),
    ).toMatchObject({ minBytes: 1, maxWaitTimeInMs: 5000 });
  });

  it("leaves kafkajs's fetch defaults (answer at once) to a service that sets no fetch", () => {
    const env = loadConfig('notification', NotificationEnv, ENV);
    const consumer = consumerOptionsOf({ ...notificationService, fetch: undefined }, env)!.options!.consumer!;
    expect(consumer).not.toHaveProperty('minBytes');
    expect(consumer).not.toHaveProperty('maxWaitTimeInMs');
  });
});
