import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

// A service with a missing or bad variable must not start, and must say which variable.
const ROOT = path.join(__dirname, '..', '..');
const entry = (app: string) => path.join(ROOT, 'dist', 'apps', app, 'apps', app, 'src', 'main.js');

describe('boot-time configuration', () => {
  it.each([
    ['correlation', { DATABASE_URL: '' }, 'DATABASE_URL'],
    ['ingest-gateway', { INGEST_PORT: 'eighty' }, 'INGEST_PORT'],
    ['notification', { KAFKA_BROKERS: 'not a broker list' }, 'KAFKA_BROKERS'],
    ['ops-monitor', { LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
    // A production start without the ledger's signing key (docs/ledger.md).
    ['notification', { RUN_MODE: 'production', LEDGER_SIGNING_KEY: '' }, 'LEDGER_SIGNING_KEY'],
    // A production start without the key that seals webhook secrets (docs/security.md#webhooks).
    [
      'notification',
      {
        RUN_MODE: 'production',
        LEDGER_SIGNING_KEY: Buffer.alloc(32, 9).toString('base64'),
        WEBHOOK_SECRET_KEY: '',
      },
      'WEBHOOK_SECRET_KEY',
    ],
  ])('%s refuses to start with %j and names %s', (app, env, variable) => {
    const r = spawnSync(process.execPath, [entry(app)], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain(`${app}: invalid configuration`);
    expect(r.stderr).toContain(`- ${variable}:`);
  });
});
