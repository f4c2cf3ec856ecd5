import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { ApiKeyVerifier, type Principal } from '@app/identity';
import { AlertSignals } from '../alerts/alert-signals';
import type { StreamSettings, StreamSink } from '../alerts/alert-streams.service';
import { NotificationError, NotificationErrorCode } from '../notification.errors';
import { REQUESTS_REPOSITORY, type RequestsRepository } from './requests.repository';
import { viewFor } from './requests.service';

interface OpenStream {
  principal: Principal;
  presentedKey: string;
  after: number;
  sink: StreamSink;
  lastWrite: number;
}

const HEARTBEAT_MS = 15000;
const PAGE = 100;

/**
 * Server-Sent Events of requests for information (docs/desk.md): `request.created` to the asked
 * agency, `request.decided` to both sides, each `data` the request as that side sees it and `id`
 * its change order (send Last-Event-ID to resume). Like the alert streams, one poller serves every
 * open stream (every ALERT_STREAM_POLL_MS, and at once after a local commit), each key is
 * checked again every round, and a key holds at most ALERT_STREAMS_PER_KEY request streams.
 */
@Injectable()
export class RequestStreams implements OnModuleDestroy {
  private readonly logger = new Logger(RequestStreams.name);
  private readonly streams = new Set<OpenStream>();
  private readonly unsubscribe: () => void;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    @Inject(REQUESTS_REPOSITORY) private readonly requests: RequestsRepository,
    @Inject(ApiKeyVerifier) private readonly keys: Pick<ApiKeyVerifier, 'verify'>,
    signals: AlertSignals,
    @Inject(APP_CONFIG) private readonly settings: StreamSettings,
  ) {
    this.unsubscribe = signals.subscribe(() => this.poke());
  }

  /** Where a new stream starts: after every change so far. */
  head(): Promise<number> {
    return this.requests.head();
  }

  open(principal: Principal, presentedKey: string, after: number, sink: StreamSink): void {
    const held = [...this.streams].filter((s) => s.principal.keyId === principal.keyId).length;
    if (held >= this.settings.ALERT_STREAMS_PER_KEY) {
      throw new NotificationError(
        NotificationErrorCode.TooManyStreams,
        `This key already has ${held} open request streams (ALERT_STREAMS_PER_KEY); close one first.`,
      );
    }
    const stream: OpenStream = { principal, presentedKey, after, sink, lastWrite: Date.now() };
    this.streams.add(stream);
    sink.write(`retry: 2000\n: stream of ${principal.agencyId} requests after ${after}\n\n`);
    sink.onClose(() => this.streams.delete(stream));
    this.schedule();
    this.poke();
  }

  onModuleDestroy(): Promise<void> | undefined {
    this.unsubscribe();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const s of [...this.streams]) {
      this.streams.delete(s);
      s.sink.end();
    }
    return this.running ?? undefined;
  }

  private schedule(): void {
    this.timer ??= setInterval(() => this.poke(), this.settings.ALERT_STREAM_POLL_MS);
  }

  /** Runs a round now, or right after the one under way. */
  private poke(): void {
    if (this.streams.size === 0) {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round()
      .catch((e: unknown) =>
        this.logger.warn({
          msg: 'request streams could not read changes; retrying',
          error: (e as Error).message,
        }),
      )
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  private async round(): Promise<void> {
    for (const s of [...this.streams]) {
      let now: Principal | null = s.principal;
      try {
        now = await this.keys.verify(s.presentedKey);
      } catch {
        // The database away: end nothing.
      }
      if (!now || now.keyId !== s.principal.keyId || now.agencyId !== s.principal.agencyId) {
        s.sink.write(': the API key was revoked: this stream ends\n\n');
        this.streams.delete(s);
        s.sink.end();
      }
    }
    const live = [...this.streams];
    if (live.length === 0) return;
    const agencies = [...new Set(live.map((s) => s.principal.agencyId!))];
    const after = Math.min(...live.map((s) => s.after));
    const changes = await this.requests.changesAfter(agencies, after, PAGE);
    const at = Date.now();
    for (const s of live) {
      const agencyId = s.principal.agencyId!;
      for (const r of changes) {
        if (r.eventSeq <= s.after) continue;
        s.after = r.eventSeq;
        if (r.ownerAgencyId !== agencyId && r.requesterAgencyId !== agencyId) continue;
        // The requester learns of its own request's decision, not of its creation.
        if (r.decision === null && r.ownerAgencyId !== agencyId) continue;
        const event = r.decision === null ? 'request.created' : 'request.decided';
        s.sink.write(`id: ${r.eventSeq}\nevent: ${event}\ndata: ${JSON.stringify(viewFor(agencyId, r))}\n\n`);
        s.lastWrite = at;
      }
      if (at - s.lastWrite >= HEARTBEAT_MS) {
        s.sink.write(': keep-alive\n\n');
        s.lastWrite = at;
      }
    }
    if (changes.length >= PAGE) this.again = true;
  }
}
