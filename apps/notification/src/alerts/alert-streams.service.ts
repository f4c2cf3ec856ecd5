import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { ApiKeyVerifier, type Principal } from '@app/identity';
import type { NotificationEnv } from '../notification.env';
import { NotificationError, NotificationErrorCode } from '../notification.errors';
import { AlertSignals } from './alert-signals';
import { ALERTS_REPOSITORY, type AlertsRepository, type InboxAlert } from './alerts.repository';

/** Where a stream writes: the hijacked HTTP response in the service, a recorder in unit tests. */
export interface StreamSink {
  write(chunk: string): void;
  end(): void;
  /** Calls `listener` once the client has gone away. */
  onClose(listener: () => void): void;
}

/** What the streams read of the service's settings. */
export type StreamSettings = Pick<NotificationEnv, 'ALERT_STREAM_POLL_MS' | 'ALERT_STREAMS_PER_KEY'>;

interface OpenStream {
  principal: Principal;
  /** The key as presented, checked again on every round (the verifier's cache bounds the cost). */
  presentedKey: string;
  after: number;
  sink: StreamSink;
  lastWrite: number;
  closed: boolean;
}

const HEARTBEAT_MS = 15000;
/** Most alerts one round reads per agency; a full page means look again at once. */
const PAGE = 100;

/**
 * Server-Sent Events for liaison offices (docs/contract.md#alert-stream): one `alert` event per
 * alert, `id:` the agency's sequence number, so a reconnecting client sends Last-Event-ID and
 * misses nothing. Every open stream of the process is served by ONE poller: each round checks
 * every key still holds (a revoked key's streams end within AUTH_CACHE_TTL_MS and a round),
 * reads the new alerts of every agency with an open stream in one query, and writes each stream
 * what it has not seen. Rounds run every ALERT_STREAM_POLL_MS (other instances write alerts too)
 * and at once after a local commit. A key may hold ALERT_STREAMS_PER_KEY streams at a time.
 */
@Injectable()
export class AlertStreams implements OnModuleDestroy {
  private readonly logger = new Logger(AlertStreams.name);
  private readonly streams = new Set<OpenStream>();
  private readonly unsubscribe: () => void;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private pendingWake = false;
  private stopped = false;

  constructor(
    @Inject(ALERTS_REPOSITORY) private readonly alerts: AlertsRepository,
    @Inject(ApiKeyVerifier) private readonly keys: Pick<ApiKeyVerifier, 'verify'>,
    private readonly signals: AlertSignals,
    @Inject(APP_CONFIG) private readonly settings: StreamSettings,
  ) {
    this.unsubscribe = this.signals.subscribe(() => this.poke());
  }

  /** How many streams are open in this process. */
  get size(): number {
    return this.streams.size;
  }

  /**
   * Serves the agency's alerts after `after` on `sink` until the client goes away, the key stops
   * being valid or the service stops. Throws TOO_MANY_STREAMS (nothing written) when the key
   * already holds ALERT_STREAMS_PER_KEY streams.
   */
  open(principal: Principal, presentedKey: string, after: number, sink: StreamSink): void {
    const cap = this.settings.ALERT_STREAMS_PER_KEY;
    let held = 0;
    for (const s of this.streams) if (s.principal.keyId === principal.keyId) held++;
    if (held >= cap) {
      throw new NotificationError(
        NotificationErrorCode.TooManyStreams,
        `This key already has ${held} open alert streams, the most one key may hold (ALERT_STREAMS_PER_KEY=${cap}); close one first.`,
      );
    }
    const stream: OpenStream = { principal, presentedKey, after, sink, lastWrite: Date.now(), closed: false };
    this.streams.add(stream);
    sink.write(`retry: 2000\n: stream of ${principal.agencyId} alerts after ${after}\n\n`);
    sink.onClose(() => this.forget(stream));
    this.loop ??= this.run();
    this.poke();
  }

  /** Run a round now rather than at the next poll. */
  poke(): void {
    this.pendingWake = true;
    this.wake?.();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    for (const s of [...this.streams]) this.end(s);
    this.poke();
    await this.loop;
  }

  private forget(s: OpenStream): void {
    s.closed = true;
    this.streams.delete(s);
  }

  private end(s: OpenStream, why?: string): void {
    if (s.closed) return;
    if (why) s.sink.write(`: ${why}\n\n`);
    this.forget(s);
    s.sink.end();
  }

  private async run(): Promise<void> {
    try {
      while (this.streams.size > 0 && !this.stopped) {
        this.pendingWake = false;
        let more = false;
        try {
          more = await this.round();
        } catch (e) {
          this.logger.warn({
            msg: 'alert streams could not read new alerts; retrying',
            error: (e as Error).message,
          });
        }
        if (more || this.pendingWake || this.streams.size === 0 || this.stopped) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.settings.ALERT_STREAM_POLL_MS);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    } finally {
      this.loop = null;
    }
  }

  /** One round for every open stream; true when an agency had a full page (more may be waiting). */
  private async round(): Promise<boolean> {
    await this.endRevoked();
    const live = [...this.streams];
    if (live.length === 0) return false;
    const from = new Map<string, number>();
    for (const s of live) {
      const agencyId = s.principal.agencyId!;
      from.set(agencyId, Math.min(from.get(agencyId) ?? Infinity, s.after));
    }
    const alerts = await this.alerts.after(
      [...from].map(([agencyId, after]) => ({ agencyId, after })),
      PAGE,
    );
    const byAgency = new Map<string, InboxAlert[]>();
    for (const a of alerts) {
      const list = byAgency.get(a.recipientAgencyId) ?? [];
      list.push(a);
      byAgency.set(a.recipientAgencyId, list);
    }
    const now = Date.now();
    for (const s of live) {
      if (s.closed) continue;
      for (const a of byAgency.get(s.principal.agencyId!) ?? []) {
        if (a.sequence <= s.after) continue;
        s.sink.write(`id: ${a.sequence}\nevent: alert\ndata: ${JSON.stringify(a)}\n\n`);
        s.after = a.sequence;
        s.lastWrite = now;
      }
      if (now - s.lastWrite >= HEARTBEAT_MS) {
        s.sink.write(': keep-alive\n\n');
        s.lastWrite = now;
      }
    }
    return [...byAgency.values()].some((list) => list.length >= PAGE);
  }

  /**
   * Checks each key with open streams through the verifier every request uses (its cache keeps
   * this to one lookup per key per AUTH_CACHE_TTL_MS); ends the streams of a key that no longer
   * verifies as the same principal. A failed lookup (the database away) ends nothing.
   */
  private async endRevoked(): Promise<void> {
    const byKey = new Map<string, OpenStream[]>();
    for (const s of this.streams) byKey.set(s.presentedKey, [...(byKey.get(s.presentedKey) ?? []), s]);
    await Promise.all(
      [...byKey].map(async ([key, streams]) => {
        let now: Principal | null;
        try {
          now = await this.keys.verify(key);
        } catch {
          return;
        }
        const was = streams[0].principal;
        if (now && now.keyId === was.keyId && now.agencyId === was.agencyId && now.role === was.role) return;
        for (const s of streams) this.end(s, 'the API key was revoked: this stream ends');
        this.logger.log({
          msg: 'alert streams of a revoked key ended',
          keyId: was.keyId,
          streams: streams.length,
        });
      }),
    );
  }
}
