import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, type ApiKeyVerifier, type Principal } from '@app/identity';
import type { AlertSignals } from '../alerts/alert-signals';
import type { NotificationEnv } from '../notification.env';
import { NotificationError, NotificationErrorCode } from '../notification.errors';
import { eventStreamSink } from './event-stream.sink';

/** Where a stream writes: the hijacked HTTP response in the service, a recorder in unit tests. */
export interface StreamSink {
  write(chunk: string): void;
  end(): void;
  /** Calls `listener` once the client has gone away. */
  onClose(listener: () => void): void;
}

/** What the streams read of the service's settings. */
export type StreamSettings = Pick<NotificationEnv, 'ALERT_STREAM_POLL_MS' | 'ALERT_STREAMS_PER_KEY'>;

/** One open stream: whose, and how far it has been written. */
export interface OpenStream {
  readonly principal: Principal;
  /** The key as presented, checked again on every round (the verifier's cache bounds the cost). */
  readonly presentedKey: string;
  /** The id of the last event the stream has seen. */
  after: number;
  readonly sink: StreamSink;
  lastWrite: number;
  closed: boolean;
}

const HEARTBEAT_MS = 15000;

/**
 * Server-Sent Events served by ONE poller per kind of stream: each round checks every key still
 * holds (a revoked key's streams end within AUTH_CACHE_TTL_MS and a round), reads what is new for
 * every open stream at once ({@link deliver}) and writes each stream what it has not seen, with a
 * keep-alive comment every 15 s. Rounds run every ALERT_STREAM_POLL_MS (other instances write too)
 * and at once after a local commit. A key may hold ALERT_STREAMS_PER_KEY streams of a kind at a time.
 */
export abstract class EventStreams implements OnModuleDestroy {
  private readonly logger: Logger;
  private readonly streams = new Set<OpenStream>();
  private readonly unsubscribe: () => void;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private pendingWake = false;
  private stopped = false;

  protected constructor(
    /** The kind of stream, in messages: `alert`, `request`. */
    private readonly kind: string,
    private readonly keys: Pick<ApiKeyVerifier, 'verify'>,
    signals: AlertSignals,
    private readonly settings: StreamSettings,
  ) {
    this.logger = new Logger(new.target.name);
    this.unsubscribe = signals.subscribe(() => this.poke());
  }

  /**
   * Writes each of `live` the events after its position (through {@link send}); true when a
   * full page was read, so more may be waiting and the next round runs at once.
   */
  protected abstract deliver(live: readonly OpenStream[]): Promise<boolean>;

  /** Where a stream of `principal` starts when the client does not resume: after every event so far. */
  protected abstract head(principal: Principal): Promise<number>;

  /** Writes one event to a stream and moves it past `id`. */
  protected send(s: OpenStream, id: number, event: string, data: unknown): void {
    s.sink.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    s.after = id;
    s.lastWrite = Date.now();
  }

  /** How many streams are open in this process. */
  get size(): number {
    return this.streams.size;
  }

  /**
   * Answers a stream request: opens the stream after `resume` (the client's Last-Event-ID), or
   * after the head when it sent none, and hands the response over to the stream. Refused (too
   * many streams of this key) before anything is written: an ordinary problem answer.
   */
  async serve(p: Principal, resume: number | null, req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const after = resume ?? (await this.head(p));
    // The guard let the request through, so the header holds a key; the rounds check it again.
    this.open(p, bearerToken(req.headers.authorization)!, after, eventStreamSink(reply.raw));
    reply.hijack();
  }

  /**
   * Serves `sink` the events after `after` until the client goes away, the key stops being valid
   * or the service stops. Throws TOO_MANY_STREAMS (nothing written) when the key already holds
   * ALERT_STREAMS_PER_KEY streams.
   */
  open(principal: Principal, presentedKey: string, after: number, sink: StreamSink): void {
    const cap = this.settings.ALERT_STREAMS_PER_KEY;
    let held = 0;
    for (const s of this.streams) if (s.principal.keyId === principal.keyId) held++;
    if (held >= cap) {
      throw new NotificationError(
        NotificationErrorCode.TooManyStreams,
        `This key already has ${held} open ${this.kind} streams, the most one key may hold (ALERT_STREAMS_PER_KEY=${cap}); close one first.`,
      );
    }
    const stream: OpenStream = { principal, presentedKey, after, sink, lastWrite: Date.now(), closed: false };
    this.streams.add(stream);
    sink.write(`retry: 2000\n: stream of ${principal.agencyId} ${this.kind}s after ${after}\n\n`);
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
            msg: `${this.kind} streams could not read what is new; retrying`,
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

  /** One round for every open stream; true when more may be waiting. */
  private async round(): Promise<boolean> {
    await this.endRevoked();
    const live = [...this.streams];
    if (live.length === 0) return false;
    const more = await this.deliver(live);
    const now = Date.now();
    for (const s of live) {
      if (!s.closed && now - s.lastWrite >= HEARTBEAT_MS) {
        s.sink.write(': keep-alive\n\n');
        s.lastWrite = now;
      }
    }
    return more;
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
          msg: `${this.kind} streams of a revoked key ended`,
          keyId: was.keyId,
          streams: streams.length,
        });
      }),
    );
  }
}
