import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Producer } from 'kafkajs';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  createKeys,
  startService,
  stopAll,
  testKafka,
  type RunningService,
  connectedProducer,
} from '@app/testing';
import type { NotificationEnv } from '../notification.env';
import { notificationService } from '../notification.service-definition';
import { publishLinkedSeizures, type LinkedSeizures } from '../requests/testing/linked-seizures';

// Debian's chromium (installed by .ci/run); CHROMIUM_PATH overrides it.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..', '..', '..', '..');
const SCREENSHOT = path.join(ROOT, '.artifacts', 'desk.png');
// UPDATE_DESK_SCREENSHOT=1 also refreshes the README's picture.
const README_SCREENSHOT = path.join(ROOT, 'docs', 'images', 'desk.png');

describe('Liaison desk in headless Chromium: follow, acknowledge, ask and release (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka('desk-int');
  let svc: RunningService<NotificationEnv>;
  let producer: Producer;
  let browser: Browser;
  let abp: Page;
  let anf: Page;
  let keys: Record<'abp' | 'anf' | 'op', string>;
  let pair: LinkedSeizures;
  const pageErrors: string[] = [];
  const WAIT = { timeout: 30000 };

  beforeAll(async () => {
    svc = await startService(notificationService, { env: { ALERT_STREAM_POLL_MS: '100' } });
    keys = await createKeys(svc.app, {
      abp: ['liaison', 'AF-ABP'],
      anf: ['liaison', 'PK-ANF'],
      op: ['operator', null],
    });
    producer = await connectedProducer(kafka);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    const page = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const p = await context.newPage();
      p.on('pageerror', (e) => pageErrors.push(e.message));
      // Script errors and CSP refusals; a refused key's 401/403 is logged as a failed resource, which is expected.
      p.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text());
      });
      return p;
    };
    abp = await page();
    anf = await page();
  });

  afterAll(async () => {
    await browser?.close();
    await stopAll(producer, svc);
  });

  async function signIn(page: Page, key: string): Promise<void> {
    await page.goto(`${svc.baseUrl}/desk`);
    await page.fill('#key', key);
    await page.click('#signin-submit');
    await page.locator('#app').waitFor({ state: 'visible', ...WAIT });
    // Both streams are open (the alert stream starts at the alerts already there).
    await page.locator('#live-state', { hasText: 'live' }).waitFor(WAIT);
  }

  it('serves a small page that loads nothing from elsewhere, and refuses keys that are not liaison keys', async () => {
    const res = await fetch(`${svc.baseUrl}/desk`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await res.text()).length).toBeLessThan(40_000);

    await abp.goto(`${svc.baseUrl}/desk`);
    await abp.fill('#key', 'bik_0000000000000000_not-a-key');
    await abp.click('#signin-submit');
    await abp.locator('#signin-error', { hasText: /unknown or revoked/ }).waitFor(WAIT);
    await abp.fill('#key', keys.op);
    await abp.click('#signin-submit');
    await abp.locator('#signin-error', { hasText: /not a liaison key/ }).waitFor(WAIT);
    expect(await abp.locator('#app').isVisible()).toBe(false);
    expect(await abp.evaluate('window.sessionStorage.length')).toBe(0);
  });

  it('shows a new alert live, opens it by keyboard, acknowledges it with a note and sends a request', async () => {
    await signIn(abp, keys.abp);
    await signIn(anf, keys.anf);
    expect(await abp.evaluate('Object.keys(window.sessionStorage)')).toEqual(['liaison-desk-key']);
    expect(await abp.evaluate('window.localStorage.length')).toBe(0);

    pair = await publishLinkedSeizures(producer);
    const row = abp.locator('li[data-alert-id][data-live="true"]').first();
    await row.waitFor(WAIT);
    await expect(row.textContent()).resolves.toContain('ARRIVED LIVE');
    expect(await row.getAttribute('data-status')).toBe('new');
    await abp.locator('#live-count', { hasText: '1 new alert' }).waitFor(WAIT);

    // Filters: acknowledged hides it, new shows it.
    await abp.selectOption('#f-status', 'acknowledged');
    expect(await abp.locator('li[data-live="true"]').count()).toBe(0);
    await abp.selectOption('#f-status', 'new');
    await abp.selectOption('#f-kind', 'CASE_LINKED');
    expect(await abp.locator('li[data-live="true"]').count()).toBe(1);

    // Keyboard: focus the row's button and press Enter; the heading of the detail takes the focus.
    await abp.focus('li[data-live="true"] button');
    await abp.keyboard.press('Enter');
    await abp.locator('#detail-title:focus').waitFor(WAIT);
    const detail = abp.locator('#detail');
    await detail.locator('text=ANF Border Liaison Office, Peshawar').waitFor(WAIT);
    await expect(detail.textContent()).resolves.toContain('PLATE');
    expect(await detail.textContent()).not.toContain(pair.driverName);

    await abp.fill('#ack-note', 'Called ANF Peshawar; asking for the driver by request.');
    await abp.click('#ack-submit');
    await abp.locator('#ack-done', { hasText: 'asking for the driver' }).waitFor(WAIT);
    await abp.selectOption('#f-status', '');
    expect(await abp.locator('li[data-live="true"]').getAttribute('data-status')).toBe('acknowledged');

    await abp.check('input[data-rfi-field="persons[].name"]');
    await abp.check('input[data-rfi-field="persons[].phones[]"]');
    await abp.selectOption('#rfi-basis', 'UNTOC-27');
    await abp.fill(
      '#rfi-why',
      'Driver of the truck we stopped at Torkham two days earlier; we need his identity.',
    );
    await abp.click('#rfi-submit');
    await abp.locator('#alert-requests li[data-status="PENDING"]').waitFor(WAIT);
  });

  it('lets ANF approve part of it, and ABP then sees exactly the approved field', async () => {
    const incoming = anf.locator('#incoming li[data-status="PENDING"]').first();
    await incoming.waitFor(WAIT);
    await expect(incoming.textContent()).resolves.toContain('AF-ABP');
    await expect(incoming.textContent()).resolves.toContain(pair.anf.agencyCaseRef);
    await incoming.locator('input[data-field="persons[].name"]').check();
    await incoming
      .locator('textarea[data-note]')
      .fill('Name released; the phone belongs to an open operation.');
    await incoming.locator('button[data-action="approve-selected"]').click();
    await anf.locator('#incoming li[data-status="PARTLY_APPROVED"]').waitFor(WAIT);

    // ABP's open alert updates live from the request stream.
    await abp.locator('#alert-requests li[data-status="PARTLY_APPROVED"]').waitFor(WAIT);
    const released = await abp
      .locator('#alert-requests li[data-released-path]')
      .evaluateAll((items) =>
        items.map((i) => [i.getAttribute('data-released-path'), i.getAttribute('data-value')]),
      );
    expect(released).toEqual([['persons[0].name', pair.driverName]]);
    const text = (await abp.textContent('body')) ?? '';
    expect(text).not.toContain(pair.driverPhone);
    expect(text).not.toContain(pair.migrantName);

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await abp.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    if (process.env.UPDATE_DESK_SCREENSHOT === '1') fs.copyFileSync(SCREENSHOT, README_SCREENSHOT);
    expect(pageErrors).toEqual([]);
  });
});
