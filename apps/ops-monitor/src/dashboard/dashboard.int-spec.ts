import { randomUUID } from 'node:crypto';
import { dlqTopicOf, TOPIC_PREFIX, Topics } from '@app/contracts';
import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
const ROOT = path.join(__dirname, '..', '..', '..', '..');
const SCREENSHOT = path.join(ROOT, '.artifacts', 'dashboard.png');
// UPDATE_DASHBOARD_SCREENSHOT=1 also refreshes the README's picture.
const README_SCREENSHOT = path.join(ROOT, 'docs', 'images', 'dashboard.png');

/**
 * The notification service's operator API and the services' /metrics, as the ops monitor reads
 * them (on loopback): the dashboard's delivery health and outbox panels are read through them.
 */
function startServicesStub(): Promise<{ server: Server; url: string; seenAuth: string[] }> {
  const seenAuth: string[] = [];
  const server = createServer((req, res) => {
    seenAuth.push(req.headers.authorization ?? '');
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(
        [
          '# TYPE intel_outbox_backlog gauge',
          'intel_outbox_backlog{outbox="ingest",service="ingest-gateway"} 42',
          'intel_breaker_state{breaker="outbox:ingest",service="ingest-gateway"} 2',
          'intel_breaker_state{breaker="webhook:sub-1",service="ingest-gateway"} 0',
        ].join('\n'),
      );
    } else if (url.pathname === '/v1/endpoints') {
      json({
        items: [
          { subscriptionId: 'sub-1', state: 'open', failures: 7, successes: 1, rejects: 3 },
          { subscriptionId: 'sub-2', state: 'closed', failures: 0, successes: 12, rejects: 0 },
        ],
      });
    } else if (url.pathname === '/v1/deliveries' && url.searchParams.get('status') === 'failed') {
      const d = (n: number) => ({
        deliveryId: `d-${n}`,
        subscriptionId: 'sub-1',
        recipientAgencyId: 'PK-ANF',
        alertId: `a-${n}`,
        url: 'https://blo.anf.example.org/hooks/intel',
        attempts: 8,
        lastStatus: 503,
        lastError: null,
        lastAttemptAt: new Date(Date.UTC(2026, 2, 14, 6, n)).toISOString(),
      });
      json({ items: [d(1), d(2)], nextCursor: null });
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seenAuth }),
    ),
  );
}

describe('Ops monitor dashboard in headless Chromium (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka('ops-dashboard-int');
  const id = randomUUID().slice(0, 8);
  const topic = `${TOPIC_PREFIX}ops-dash-${id}`;
  const group = `${TOPIC_PREFIX}ops-dash-${id}`;
  const otherGroup = `${TOPIC_PREFIX}ops-dash-${id}-b`;
  const dlq = `${topic}.dlq`;
  const backlog = 60;
  let stub: { server: Server; url: string; seenAuth: string[] };
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
    stub = await startServicesStub();
    svc = await startService(opsMonitorService, {
      env: {
        OPS_SAMPLE_INTERVAL_MS: '300',
        OPS_LAG_WINDOW_SAMPLES: '10',
        OPS_LAG_MIN_SAMPLES: '3',
        NOTIFICATION_URL: stub.url,
        OPS_METRICS_URLS: `ingest-gateway=${stub.url}`,
      },
    });
    operatorKey = (await svc.app.get(IdentityStore).createKey({ role: 'operator', label: `ops-dash-${id}` }))
      .key;
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic, numPartitions: 3, replicationFactor: 1 },
        { topic: dlq, numPartitions: 1, replicationFactor: 1 },
      ],
    });
    for (const groupId of [group, otherGroup]) {
      await admin.setOffsets({
        groupId,
        topic,
        partitions: [0, 1, 2].map((partition) => ({ partition, offset: '0' })),
      });
    }
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({
      topic: dlq,
      acks: -1,
      messages: [
        {
          key: 'PK-ANF:CASE-DASH',
          value: JSON.stringify({ eventId: `e-${id}`, persons: [{ name: `SECRET-NAME-${id}` }] }),
          headers: {
            'event-id': `e-${id}`,
            'dlq-reason': 'persons[0].dateOfBirth: must be an ISO date',
            'dlq-source-topic': topic,
            'dlq-consumer-group': group,
          },
        },
      ],
    });
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
    await admin?.deleteGroups([group, otherGroup]).catch(() => undefined);
    await admin?.deleteTopics({ topics: [topic, dlq] }).catch(() => undefined);
    await admin?.disconnect();
    await svc?.stop();
    await new Promise((r) => stub?.server.close(r));
  });

  const row = () => page.locator(`tr[data-group="${group}"]`);
  const shownLag = async () => Number(await row().getAttribute('data-lag'));
  const chartPoints = async (): Promise<[number, number][]> =>
    JSON.parse((await page.locator('#lag-chart').getAttribute('data-points')) ?? '[]') as [number, number][];

  /** How long the dashboard may take to show something. */
  const WAIT = { timeoutMs: 30000 };
  const WAIT_LOCATOR = { timeout: 30000 };

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
    await page.locator(`tr[data-dlq="${dlqTopicOf(Topics.SeizureReported)}"]`).waitFor();
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
  });

  it('shows lag per partition of the chosen group and throughput per topic and per group', async () => {
    const partitionLags = async () =>
      Promise.all(
        [0, 1, 2].map(async (p) =>
          Number(await page.locator(`tr[data-partition="${topic}/${p}"]`).getAttribute('data-lag')),
        ),
      );
    await eventually(async () => (await partitionLags()).every((l) => l === 0), {
      ...WAIT,
      what: 'three partitions drained',
    });
    await expect(page.locator('#partitions-title').innerText()).resolves.toContain(group);
    const rate = async (selector: string) =>
      Number(await page.locator(selector).first().getAttribute('data-rate'));
    await eventually(async () => (await rate(`tr[data-throughput-topic="${topic}"]`)) > 0, {
      ...WAIT,
      what: 'a produce rate on the topic',
    });
    await eventually(async () => (await rate(`tr[data-throughput-group="${group} ${topic}"]`)) > 0, {
      ...WAIT,
      what: 'a consume rate for the group',
    });
  });

  it('is navigable by keyboard: Tab reaches the group rows, arrows move, Enter charts the group', async () => {
    const active = () =>
      page.evaluate<string | null>("document.activeElement?.getAttribute('data-group') ?? null");
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    for (let i = 0; i < 20 && (await active()) === null; i++) await page.keyboard.press('Tab');
    expect(await active()).not.toBeNull();
    for (let i = 0; i < 100 && (await active()) !== otherGroup; i++) {
      const before = await active();
      await page.keyboard.press('ArrowDown');
      if ((await active()) === before) break;
    }
    for (let i = 0; i < 100 && (await active()) !== otherGroup; i++) await page.keyboard.press('ArrowUp');
    expect(await active()).toBe(otherGroup);
    await page.keyboard.press('Enter');
    await eventually(
      async () => (await page.locator('#lag-chart').getAttribute('data-group')) === otherGroup,
      {
        ...WAIT,
        what: 'the other group charted',
      },
    );
    await expect(page.locator('#partitions-title').innerText()).resolves.toContain(otherGroup);
    // Focus survives the refreshes that rebuild the rows.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await active()).toBe(otherGroup);
  });

  it('lists DLQ records with their reasons, never their bodies, and replays one after confirmation', async () => {
    const record = page.locator(`tr[data-dlq-record="${dlq}/0/0"]`);
    await record.waitFor(WAIT_LOCATOR);
    await expect(record.getAttribute('data-reason')).resolves.toBe(
      'persons[0].dateOfBirth: must be an ISO date',
    );
    expect(await page.content()).not.toContain(`SECRET-NAME-${id}`);
    const ends = async () => (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
    const before = await ends();

    // Keyboard: Enter on the button opens the confirmation with Cancel focused; Escape cancels.
    await page.locator(`button[data-replay="${dlq}/0/0"]`).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#replay-dialog').isVisible()).resolves.toBe(true);
    await expect(page.evaluate<string>('document.activeElement?.id')).resolves.toBe('replay-cancel');
    await expect(page.locator('#replay-what').innerText()).resolves.toContain(topic);
    await page.keyboard.press('Escape');
    await expect(page.locator('#replay-dialog').isVisible()).resolves.toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(await ends()).toBe(before);

    await page.locator(`button[data-replay="${dlq}/0/0"]`).click();
    await page.locator('#replay-confirm').click();
    await eventually(
      async () => (await page.locator('#replay-result').getAttribute('data-outcome')) === 'replayed',
      {
        ...WAIT,
        what: 'the replay confirmed',
      },
    );
    expect(await ends()).toBe(before + 1);
  });

  it('shows delivery health per endpoint and the outbox backlog per service, read with the operator key', async () => {
    await page.locator('tr[data-endpoint="sub-1"][data-state="open"]').waitFor(WAIT_LOCATOR);
    await page.locator('tr[data-endpoint="sub-2"][data-state="closed"]').waitFor(WAIT_LOCATOR);
    await expect(page.locator('tr[data-subscription="sub-1"]').getAttribute('data-failed')).resolves.toBe(
      '2',
    );
    await expect(page.locator('#health').innerText()).resolves.not.toContain('blo.anf.example.org');
    const outbox = page.locator('tr[data-outbox="ingest-gateway/ingest"]');
    await outbox.waitFor(WAIT_LOCATOR);
    await expect(outbox.getAttribute('data-backlog')).resolves.toBe('42');
    await expect(outbox.getAttribute('data-breaker')).resolves.toBe('open');
    expect(stub.seenAuth).toContain(`Bearer ${operatorKey}`);

    // The badges' text meets WCAG AA (4.5:1) as the browser renders them.
    const ratios = await page.evaluate<number[]>(`(() => {
      const rgb = (c) => (c.match(/\\d+/g) || []).slice(0, 3).map(Number);
      const lum = (c) => c.map((v) => v / 255)
        .map((s) => (s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4)))
        .reduce((n, v, i) => n + v * [0.2126, 0.7152, 0.0722][i], 0);
      return [...document.querySelectorAll('.badge')].map((b) => {
        const st = getComputedStyle(b);
        const [a, c] = [lum(rgb(st.color)), lum(rgb(st.backgroundColor))].sort((x, y) => y - x);
        return (a + 0.05) / (c + 0.05);
      });
    })()`);
    expect(ratios.length).toBeGreaterThan(3);
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(4.5);

    // Rows are re-rendered on every refresh, so the scroll goes through the page rather than a locator.
    await page.evaluate(
      `document.querySelector('tr[data-group="${group}"]')?.scrollIntoView({ block: 'center' })`,
    );
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    if (process.env.UPDATE_DASHBOARD_SCREENSHOT === '1') fs.copyFileSync(SCREENSHOT, README_SCREENSHOT);
    expect(pageErrors).toEqual([]);
  });
});
