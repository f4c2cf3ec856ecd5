import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { eventually } from './eventually';

/** How the receiver answers: 200; 503; 200 after `slowMs`; 400. */
export type ReceiverMode = 'up' | 'down' | 'slow' | '4xx' | 'gone';

/** One request the receiver got, as received (raw body for signature checks). */
export interface ReceivedWebhook {
  at: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** What the receiver answered (0 when the client gave up first). */
  answered: number;
}

/**
 * A real HTTP receiver on loopback for webhook tests: records every request to its own path (and
 * below it) and answers as its mode says (`up`, `down` = 503, `slow` = answer after `slowMs`,
 * `4xx` = 400, `gone` = 410). A request to another path gets 410 unrecorded (notification then
 * disables that stale subscription).
 */
export class WebhookReceiver {
  readonly requests: ReceivedWebhook[] = [];
  mode: ReceiverMode = 'up';
  slowMs = 2000;
  private readonly sockets = new Set<Socket>();
  /**
   * This receiver's own path: a port the system gives out again after a receiver stopped may
   * still have subscriptions of an earlier test pointing at it (same database); their requests
   * get 410 and are not recorded here.
   */
  private readonly path = `/hook-${randomUUID().slice(0, 8)}`;

  private constructor(private readonly server: Server) {}

  static async start(mode: ReceiverMode = 'up'): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => receiver.handle(req, res));
    receiver.mode = mode;
    server.on('connection', (s: Socket) => {
      receiver.sockets.add(s);
      s.on('close', () => receiver.sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  /** The URL to subscribe (any path below it works too). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.path}`;
  }

  /** Requests that were answered 2xx. */
  get delivered(): ReceivedWebhook[] {
    return this.requests.filter((r) => r.answered >= 200 && r.answered < 300);
  }

  /** Waits until `predicate` holds over the requests, or fails after `timeoutMs`. */
  waitFor(
    predicate: (requests: ReceivedWebhook[]) => boolean,
    timeoutMs = 15000,
  ): Promise<ReceivedWebhook[]> {
    return eventually(
      () => {
        if (predicate(this.requests)) return this.requests;
        throw new Error(
          `got ${this.requests.length} requests (${this.requests.map((r) => r.answered).join(', ')})`,
        );
      },
      { timeoutMs, intervalMs: 25, what: 'the webhook receiver condition' },
    );
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!(req.url ?? '').startsWith(this.path)) {
        res.writeHead(410, { 'content-type': 'text/plain' }).end('not this receiver');
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const record: ReceivedWebhook = {
        at: Date.now(),
        method: req.method ?? '',
        path: req.url ?? '',
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
        answered: 0,
      };
      this.requests.push(record);
      const answer = (status: number) => {
        if (res.destroyed) return;
        record.answered = status;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
      };
      switch (this.mode) {
        case 'up':
          return answer(200);
        case 'down':
          return answer(503);
        case '4xx':
          return answer(400);
        case 'gone':
          return answer(410);
        case 'slow': {
          const timer = setTimeout(() => answer(200), this.slowMs);
          res.on('close', () => clearTimeout(timer));
          return;
        }
      }
    });
  }
}
