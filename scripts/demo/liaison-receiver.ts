// The liaison offices' webhook endpoint: one loopback HTTP server, one path per office
// (/demo-liaison/<agencyId>). It checks each Standard Webhooks signature with the office's secret
// and drops redeliveries by webhook-id, as a real receiver must.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The path prefix of the demo's subscriptions (old ones are recognised by it and removed). */
export const DEMO_WEBHOOK_PATH = '/demo-liaison/';

export interface ReceivedAlert {
  agencyId: string;
  webhookId: string;
  verified: boolean;
  receivedAt: number;
  /** The webhook body: { type: 'alert.issued', timestamp, data: AlertIssued }. */
  body: { type: string; timestamp: string; data: Record<string, unknown> };
}

/** Standard Webhooks: v1,<base64 HMAC-SHA256(secret bytes, "{id}.{timestamp}.{body}")>, timestamp within 5 minutes. */
export function verifySignature(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now = Date.now(),
): boolean {
  const id = String(headers['webhook-id'] ?? '');
  const ts = String(headers['webhook-timestamp'] ?? '');
  const sigs = String(headers['webhook-signature'] ?? '').split(' ');
  if (!id || !/^\d+$/.test(ts) || Math.abs(now / 1000 - Number(ts)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${ts}.${body}`, 'utf8').digest();
  return sigs.some((s) => {
    const [version, value] = s.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export class LiaisonReceiver {
  readonly alerts: ReceivedAlert[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly seen = new Set<string>();
  private listener: ((a: ReceivedAlert) => void) | null = null;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<LiaisonReceiver> {
    const server = createServer();
    const receiver = new LiaisonReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const agencyId = decodeURIComponent((req.url ?? '').slice(DEMO_WEBHOOK_PATH.length));
        const secret = receiver.secrets.get(agencyId);
        if (!(req.url ?? '').startsWith(DEMO_WEBHOOK_PATH) || !secret) {
          // Gone: the notification service disables the subscription.
          res.writeHead(410).end();
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const verified = verifySignature(secret, req.headers, raw);
        const webhookId = String(req.headers['webhook-id'] ?? '');
        if (!verified) {
          res.writeHead(401).end();
          return;
        }
        res.writeHead(204).end();
        if (receiver.seen.has(webhookId)) return;
        receiver.seen.add(webhookId);
        const alert: ReceivedAlert = {
          agencyId,
          webhookId,
          verified,
          receivedAt: Date.now(),
          body: JSON.parse(raw) as ReceivedAlert['body'],
        };
        receiver.alerts.push(alert);
        receiver.listener?.(alert);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  /** The URL an office subscribes. */
  urlFor(agencyId: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${DEMO_WEBHOOK_PATH}${agencyId}`;
  }

  /** The office's secret (whsec_…), as the subscription answer showed it once. */
  setSecret(agencyId: string, secret: string): void {
    this.secrets.set(agencyId, secret);
  }

  onAlert(fn: (a: ReceivedAlert) => void): void {
    this.listener = fn;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
