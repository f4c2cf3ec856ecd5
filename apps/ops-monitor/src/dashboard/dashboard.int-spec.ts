import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Admin, Consumer, Producer } from 'kafkajs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { IdentityStore } from '@app/identity';
import { eventually, startService, testKafka, type RunningService } from '@app/testing';
import type { OpsMonitorEnv } from '../ops-monitor.env';
import { opsMonitorService } from '../ops-monitor.service-definition';

// Debian's chromium (installed by .ci/run); CHROMIUM_PATH overrides it.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = path.join(__dirname, '..', '..', '..', '..', '.artifacts', 'dashboard.png');

describe('Ops monitor dashboard in headless Chromium (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka('ops-dashboard-int');
  const id = randomUUID().slice(0, 8);
  const topic = `ops-dash-${id}`;
  const group = `ops-dash-${id}`;
  const backlog = 60;
  let svc: RunningService<OpsMonitorEnv>;
  let admin: Admin;
  let producer: Producer;
  let consumer: Consumer | undefined;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let operatorKey: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    svc = await startService(opsMonitorService, {
      env: { OPS_SAMPLE_INTERVAL_MS: '300', OPS_LAG_WINDOW_SAMPLES: '10', OPS_LAG_MIN_SAMPLES: '3' },
    });
    operatorKey = (await svc.app.get(IdentityStore).createKey({ role: 'operator', label: `ops-dash-${id}` }))
      .key;
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
    });
    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: [0, 1, 2].map((partition) => ({ partition, offset: '0' })),
    });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-dashboard-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 1000 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Script errors and CSP refusals; a 401 or the deliveries' 501 is logged as a failed resource, which is expected.
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    await consumer?.disconnect();
    await producer?.disconnect();
    await admin?.deleteGroups([group]).catch(() => undefined);
    await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin?.disconnect();
    await svc?.stop();
  });

  const row = () => page.locator(`tr[data-group="${group}"]`);
  const shownLag = async () => Number(await row().getAttribute('data-lag'));
  const chartPoints = async (): Promise<[number, number][]> =>
    JSON.parse((await page.locator('#lag-chart').getAttribute('data-points')) ?? '[]') as [number, number][];

  /** How long the dashboard may take to show something. */
  const WAIT = { timeoutMs: 30000 };

  it('shows only the sign-in without a key, and again after a key the API refuses', async () => {
    await page.goto(`${svc.baseUrl}/?refresh=300&minutes=5&group=${encodeURIComponent(group)}`);
    await expect(page.locator('#signin').isVisible()).resolves.toBe(true);
    await expect(page.locator('#app').isVisible()).resolves.toBe(false);
    await page.fill('#key', 'ik_bogus.not-a-key');
    await page.click('#signin-submit');
    await page
      .locator('#signin-error')
      .filter({ hasText: /unknown or revoked/ })
      .waitFor();
    await expect(page.locator('#app').isVisible()).resolves.toBe(false);
    await expect(page.evaluate('window.sessionStorage.length')).resolves.toBe(0);
  });

  it('signs in with an operator key and shows the groups, topics, DLQs and the lag chart', async () => {
    await page.fill('#key', operatorKey);
    await page.click('#signin-submit');
    await row().waitFor();
    await expect(row().getAttribute('data-status')).resolves.toBe('OK');
    expect(await shownLag()).toBe(0);
    expect(await page.locator('tr[data-group]').count()).toBeGreaterThanOrEqual(1);
    await page.locator(`tr[data-topic="${topic}"]`).waitFor();
    await page.locator('tr[data-dlq="intel.seizure.reported.v1.dlq"]').waitFor();
    await expect(page.locator('#deliveries-body').getAttribute('data-available')).resolves.toBe('false');
    await expect(page.locator('#deliveries-body').innerText()).resolves.toMatch(/Not available/);
    await eventually(async () => (await chartPoints()).length >= 2, { ...WAIT, what: 'a chart with data' });
    await expect(page.locator('#lag-chart').getAttribute('data-group')).resolves.toBe(group);
  });

  it('shows the lag rise when a backlog is produced, and fall when it is drained', async () => {
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: backlog }, (_, i) => ({ key: `k-${i}`, value: `{"i":${i}}` })),
    });
    await eventually(async () => (await shownLag()) === backlog, { ...WAIT, what: `lag ${backlog}` });
    await eventually(async () => (await chartPoints()).some(([, lag]) => lag === backlog), {
      ...WAIT,
      what: 'the backlog on the chart',
    });

    consumer = kafka.consumer({ groupId: group, allowAutoTopicCreation: false, heartbeatInterval: 1000 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async () => Promise.resolve() });
    await eventually(async () => (await shownLag()) === 0, { ...WAIT, what: 'lag 0' });
    await eventually(
      async () => {
        const points = await chartPoints();
        return points.length > 0 && points[points.length - 1][1] === 0;
      },
      { ...WAIT, what: 'the drained lag on the chart' },
    );
    const points = await chartPoints();
    const peak = points.findIndex(([, lag]) => lag === backlog);
    expect(peak).toBeGreaterThanOrEqual(0);
    expect(points.slice(peak + 1).some(([, lag]) => lag === 0)).toBe(true);

    // Rows are re-rendered on every refresh, so the scroll goes through the page rather than a locator.
    await page.evaluate(
      `document.querySelector('tr[data-group="${group}"]')?.scrollIntoView({ block: 'center' })`,
    );
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
  });
});
