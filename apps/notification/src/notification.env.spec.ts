import { ConfigError, loadConfig } from '@app/config';
import { NotificationEnv } from './notification.env';

const BASE = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/intel',
  LEDGER_SIGNING_KEY: Buffer.alloc(32, 9).toString('base64'),
};
const KEY = Buffer.alloc(32, 7).toString('base64');

function problems(env: Record<string, string>): string {
  try {
    loadConfig('notification', NotificationEnv, { ...BASE, ...env });
    return '';
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.message;
  }
}

describe('NotificationEnv: what a start needs', () => {
  it('refuses a production start (the default) without WEBHOOK_SECRET_KEY, saying how to make one', () => {
    expect(problems({})).toMatch(
      /WEBHOOK_SECRET_KEY: is required when RUN_MODE is production .*openssl rand -base64 32/,
    );
    expect(problems({ RUN_MODE: 'production', WEBHOOK_SECRET_KEY: '' })).toMatch(
      /WEBHOOK_SECRET_KEY: is required/,
    );
    expect(problems({ RUN_MODE: 'production', WEBHOOK_SECRET_KEY: 'not-a-key' })).toMatch(
      /WEBHOOK_SECRET_KEY: must be 32 bytes in base64/,
    );
    expect(problems({ RUN_MODE: 'production', WEBHOOK_SECRET_KEY: KEY })).toBe('');
  });

  it('lets a development run start without it (secrets then stored unencrypted, with a warning)', () => {
    expect(problems({ RUN_MODE: 'development', LEDGER_SIGNING_KEY: '' })).toBe('');
  });

  it('reads WEBHOOK_ALLOWED_NETWORKS strictly, naming the bad entry', () => {
    const env = loadConfig('notification', NotificationEnv, {
      ...BASE,
      WEBHOOK_SECRET_KEY: KEY,
      WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8,::1/128',
    });
    expect(env.WEBHOOK_ALLOWED_NETWORKS).toBe('127.0.0.0/8,::1/128');
    expect(env.WEBHOOK_SUBSCRIPTIONS_PER_AGENCY).toBe(10);
    expect(env.ALERT_STREAMS_PER_KEY).toBe(5);
    expect(problems({ WEBHOOK_SECRET_KEY: KEY, WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8,localhost' })).toMatch(
      /WEBHOOK_ALLOWED_NETWORKS: must be comma-separated addresses or CIDR blocks .*: "localhost" is not/,
    );
  });

  it('fetches links in rounds of up to 64 KiB or 100 ms by default, within bounds that say what they count', () => {
    const env = loadConfig('notification', NotificationEnv, { ...BASE, WEBHOOK_SECRET_KEY: KEY });
    expect([env.NOTIFICATION_FETCH_MIN_BYTES, env.NOTIFICATION_FETCH_MAX_WAIT_MS]).toEqual([65_536, 100]);
    expect(problems({ WEBHOOK_SECRET_KEY: KEY, NOTIFICATION_FETCH_MIN_BYTES: '0' })).toMatch(
      /NOTIFICATION_FETCH_MIN_BYTES: .*must not be less than 1\b/,
    );
    // A fetch that never waits would poll the broker in a busy loop while nothing comes.
    expect(problems({ WEBHOOK_SECRET_KEY: KEY, NOTIFICATION_FETCH_MAX_WAIT_MS: '0' })).toMatch(
      /NOTIFICATION_FETCH_MAX_WAIT_MS: .*must not be less than 10\b/,
    );
    expect(problems({ WEBHOOK_SECRET_KEY: KEY, NOTIFICATION_FETCH_MAX_WAIT_MS: 'soon' })).toMatch(
      /NOTIFICATION_FETCH_MAX_WAIT_MS: must be an integer number of milliseconds/,
    );
  });
});
