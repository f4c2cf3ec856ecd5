import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { APP_CONFIG } from '@app/config';
import type { NotificationEnv } from '../notification.env';
import { AlertSignals } from './alert-signals';
import { AlertsService } from './alerts.service';

const HEARTBEAT_MS = 15000;

interface OpenStream {
  agencyId: string;
  after: number;
  res: ServerResponse;
  closed: boolean;
  wake: (() => void) | null;
}

/**
 * Server-Sent Events for liaison offices: one `alert` event per alert, `id:` the agency's
 * sequence number, so a reconnecting client sends Last-Event-ID and misses nothing. Each stream
 * polls the alert table (other instances write too) and is woken at once by local commits.
 */
@Injectable()
export class AlertStreams implements OnModuleDestroy {
  private readonly logger = new Logger(AlertStreams.name);
  private readonly streams = new Set<OpenStream>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly alerts: AlertsService,
    private readonly signals: AlertSignals,
    @Inject(APP_CONFIG) private readonly env: NotificationEnv,
  ) {
    this.unsubscribe = this.signals.subscribe(() => {
      for (const s of this.streams) s.wake?.();
    });
  }

  /** Serves a stream on a hijacked response until the client goes away or the service stops. */
  open(agencyId: string, after: number, res: ServerResponse): void {
    const stream: OpenStream = { agencyId, after, res, closed: false, wake: null };
    this.streams.add(stream);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 2000\n: stream of ${agencyId} alerts after ${after}\n\n`);
    const close = () => {
      stream.closed = true;
      stream.wake?.();
      this.streams.delete(stream);
    };
    res.on('close', close);
    void this.pump(stream).catch((e: unknown) => {
      this.logger.warn({ msg: 'alert stream ended on an error', agencyId, error: (e as Error).message });
      res.end();
      close();
    });
  }

  private async pump(s: OpenStream): Promise<void> {
    let lastWrite = Date.now();
    while (!s.closed) {
      const alerts = await this.alerts.after(s.agencyId, s.after);
      for (const a of alerts) {
        s.res.write(`id: ${a.sequence}\nevent: alert\ndata: ${JSON.stringify(a)}\n\n`);
        s.after = a.sequence;
        lastWrite = Date.now();
      }
      if (alerts.length > 0) continue;
      if (Date.now() - lastWrite >= HEARTBEAT_MS) {
        s.res.write(': keep-alive\n\n');
        lastWrite = Date.now();
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.env.ALERT_STREAM_POLL_MS);
        s.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      s.wake = null;
    }
  }

  onModuleDestroy(): void {
    this.unsubscribe();
    for (const s of [...this.streams]) {
      s.closed = true;
      s.wake?.();
      s.res.end();
    }
    this.streams.clear();
  }
}
