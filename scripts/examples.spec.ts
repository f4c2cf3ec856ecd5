// The integrator examples under docs/examples/ (docs/contract.md#interface-documents-and-examples) checked against the
// project's own code: the webhook receiver against the notification service's signer, the
// direct Kafka producer's record and the sample bodies against the contract's validation.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { validateReport } from '@app/contracts';
import { generateApiKey, producerHeaders } from '@app/identity';
import { validateInput } from '@app/platform';
import { PrecheckRequestDto } from '../apps/correlation/src/precheck/dto/precheck-request.dto';
import { generateWebhookSecret, webhookHeaders } from '../apps/notification/src/webhooks/domain';

const EXAMPLES = path.join(__dirname, '..', 'docs', 'examples');

/* eslint-disable @typescript-eslint/no-require-imports -- the examples are plain CommonJS for integrators */
const receiver = require(path.join(EXAMPLES, 'webhook-receiver.js')) as {
  verifyWebhook(
    secret: string,
    raw: string | Buffer,
    headers: Record<string, string>,
    now?: number,
  ): string | null;
  createReceiver(secret: string, onAlert: (alert: unknown, id: string) => void): import('node:http').Server;
};
const producer = require(path.join(EXAMPLES, 'kafka-producer.js')) as {
  TOPIC: string;
  seizureReport(
    now?: Date,
  ): Record<string, unknown> & { eventId: string; agencyId: string; agencyCaseRef: string };
  seizureRecord(
    report: Record<string, unknown>,
    apiKey: string,
    correlationId?: string,
  ): { key: string; value: string; headers: Record<string, string> };
};
const stream = require(path.join(EXAMPLES, 'alert-stream.js')) as {
  parseEvents(buffer: string): {
    events: { event: string; id?: string; data: string; retry?: number }[];
    rest: string;
  };
};
const sample = (name: string): unknown => require(path.join(EXAMPLES, 'data', name)) as unknown;
/* eslint-enable @typescript-eslint/no-require-imports */

const body = JSON.stringify({
  type: 'alert.issued',
  timestamp: '2026-03-14T09:05:00.000Z',
  data: { kind: 'CASE_LINKED', alertId: randomUUID(), severity: 'HIGH', summary: 'ünïcode – and "quotes"' },
});

describe('docs/examples/webhook-receiver.js', () => {
  const secret = generateWebhookSecret(randomBytes(32));
  const now = Math.floor(Date.now() / 1000);
  const signed = (overrides: { secret?: string | string[]; timestamp?: number; payload?: string } = {}) => ({
    ...webhookHeaders({
      secret: overrides.secret ?? secret,
      msgId: `msg_${randomUUID()}`,
      timestamp: overrides.timestamp ?? now,
      body: overrides.payload ?? body,
    }),
  });

  it("accepts what the notification service's signer signs, as a string or as raw bytes", () => {
    const headers = signed();
    expect(receiver.verifyWebhook(secret, body, headers, now)).toBeNull();
    expect(receiver.verifyWebhook(secret, Buffer.from(body, 'utf8'), headers, now)).toBeNull();
  });

  it('accepts a signature list during a secret rotation', () => {
    const other = generateWebhookSecret(randomBytes(32));
    expect(receiver.verifyWebhook(secret, body, signed({ secret: [other, secret] }), now)).toBeNull();
  });

  it('refuses a changed body, another secret, a stale or future timestamp, and missing headers', () => {
    expect(receiver.verifyWebhook(secret, `${body} `, signed(), now)).toBe('no matching v1 signature');
    const other = generateWebhookSecret(randomBytes(32));
    expect(receiver.verifyWebhook(other, body, signed(), now)).toBe('no matching v1 signature');
    expect(receiver.verifyWebhook(secret, body, signed({ timestamp: now - 301 }), now)).toMatch(/5 minutes/);
    expect(receiver.verifyWebhook(secret, body, signed({ timestamp: now + 301 }), now)).toMatch(/5 minutes/);
    const { 'webhook-signature': _dropped, ...unsigned } = signed();
    expect(receiver.verifyWebhook(secret, body, unsigned, now)).toMatch(/missing/);
  });

  it('answers 204 to a signed delivery once per webhook-id and 401 to a forged one (loopback)', async () => {
    const alerts: unknown[] = [];
    const server = receiver.createReceiver(secret, (alert) => alerts.push(alert));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
    try {
      const headers = { ...signed(), 'content-type': 'application/json' };
      const first = await fetch(url, { method: 'POST', headers, body });
      const retry = await fetch(url, { method: 'POST', headers, body });
      const forged = await fetch(url, { method: 'POST', headers, body: body.replace('HIGH', 'LOW') });
      expect([first.status, retry.status, forged.status]).toEqual([204, 204, 401]);
      expect(alerts).toEqual([(JSON.parse(body) as { data: unknown }).data]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('docs/examples/kafka-producer.js', () => {
  it('writes a record the consumers accept: a valid SeizureReport with its key and headers', () => {
    const report = producer.seizureReport();
    const apiKey = generateApiKey().key;
    const record = producer.seizureRecord(report, apiKey, 'example-correlation');
    const value = JSON.parse(record.value) as unknown;
    expect(validateReport('seizure', value)).toMatchObject({ ok: true });
    expect(producer.TOPIC).toBe('intel.seizure.reported.v1');
    expect(record.key).toBe(`${report.agencyId}:${report.agencyCaseRef}`);
    expect(record.headers).toEqual({
      'event-id': report.eventId,
      'event-type': 'SeizureReported',
      'schema-version': '1',
      'correlation-id': 'example-correlation',
      // signed exactly as the platform's own producers sign (what correlation verifies)
      ...producerHeaders(apiKey, producer.TOPIC, record.key, record.value),
    });
  });
});

describe('docs/examples/data', () => {
  it('holds a valid SeizureReport, RouteReport and pre-check', () => {
    expect(validateReport('seizure', sample('seizure-report.json'))).toMatchObject({ ok: true });
    expect(validateReport('route', sample('route-report.json'))).toMatchObject({ ok: true });
    expect(() => validateInput(PrecheckRequestDto, sample('precheck.json'), 'precheck')).not.toThrow();
  });
});

describe('docs/examples/alert-stream.js', () => {
  it('reads the frames the stream sends, skipping keep-alive comments, across chunk boundaries', () => {
    const alert = { sequence: 7, alertId: randomUUID(), summary: 'a: b' };
    const text = `retry: 2000\n\n: keep-alive\n\nid: 7\nevent: alert\ndata: ${JSON.stringify(alert)}\n\nid: 8\nevent: al`;
    const { events, rest } = stream.parseEvents(text);
    expect(events).toEqual([
      { event: 'message', data: '', id: undefined, retry: 2000 },
      { event: 'alert', id: '7', data: JSON.stringify(alert), retry: undefined },
    ]);
    expect(rest).toBe('id: 8\nevent: al');
  });
});
