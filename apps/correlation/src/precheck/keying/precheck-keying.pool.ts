import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { APP_CONFIG } from '@app/config';
import type { GazetteerEntry } from '@app/matching';
import { ProblemException } from '@app/platform';
import { PrecheckError } from '../precheck.errors';
import type { CorrelationEnv } from '../../correlation.env';
import { MATCH_GAZETTEER } from '../../linking/linking.tokens';
import { keyRequest, type KeyedCheck, type KeyingData } from './keyed-check';
import { KEYING_READY, type KeyingReply, type KeyingRequest } from './keying.messages';

interface Job {
  request: KeyingRequest;
  /** null only for a text request that is not certainly valid. */
  resolve: (check: KeyedCheck | null) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Sent, not answered yet. */
  pending: Map<number, Job>;
  /** Waiting for the next send (requests of one event-loop turn go in one message). */
  outgoing: Job[];
}

const RESPAWN_MS = 1000;

// From TypeScript sources (npm scripts, jest) the worker registers @swc-node/register with the
// repository's tsconfig.json (path aliases, decorators) before loading its module, never Node's
// own type stripping; the built service runs the compiled .js directly.
const TS_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const ts = require('typescript');
const { readDefaultTsConfig } = require('@swc-node/register/read-default-tsconfig');
const tsconfig = ts.findConfigFile(require('node:path').dirname(workerData.file), ts.sys.fileExists);
require('@swc-node/register/register').register(readDefaultTsConfig(tsconfig));
require(workerData.file);
`;

/**
 * Validates and keys pre-check bodies: on the event loop by default, or in PRECHECK_KEYING_WORKERS
 * worker threads, so the HTTP event loop only parses, looks up the index and answers (worth it
 * only with cores to spare). Until a worker has loaded (and if one dies) a check is keyed
 * inline: keying is pure, so where it runs never changes an answer. A dead worker's checks are
 * keyed inline and the worker is started again.
 */
@Injectable()
export class PrecheckKeyingPool implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PrecheckKeyingPool.name);
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private flushScheduled = false;
  private stopped = false;

  /** Worker threads this pool runs (0: every check is keyed inline). */
  readonly workers: number;
  private readonly data: KeyingData;

  constructor(
    @Inject(MATCH_GAZETTEER) gazetteer: readonly GazetteerEntry[],
    @Inject(APP_CONFIG) env: CorrelationEnv,
  ) {
    this.workers = env.PRECHECK_KEYING_WORKERS;
    this.data = { gazetteer, maxIdentifiers: env.PRECHECK_MAX_IDENTIFIERS };
  }

  onModuleInit(): void {
    for (let i = 0; i < this.workers; i++) this.spawn(i);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    const slots = this.slots.splice(0);
    for (const slot of slots) this.rescue(slot);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** Number of workers that have loaded and take checks. */
  get readyWorkers(): number {
    return this.slots.filter((s) => s.ready).length;
  }

  /** Resolves when every worker has loaded, or after `timeoutMs` (checks are keyed inline meanwhile). */
  async whenReady(timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.readyWorkers < this.slots.length && Date.now() < deadline && !this.stopped)
      await new Promise((r) => setTimeout(r, 50));
    return this.readyWorkers;
  }

  /**
   * The validated, keyed check; rejects with the problem+json 400 for bad input. `inline`:
   * key it here when nothing else waits for the event loop (a lone check is answered fastest
   * without the two thread hops; under load the workers keep the loop free).
   */
  key(body: unknown, agencyId: string, inline = false): Promise<KeyedCheck> {
    return this.submit({ id: 0, agencyId, body }, inline) as Promise<KeyedCheck>;
  }

  /**
   * The keying of a body as received: the JSON text, which is cheaper to hand to
   * a worker than the parsed object (and the main thread never parses it). The keyed check, or
   * null when the text is not certainly a valid check (the full route then answers it).
   * `inline` as under `key`.
   */
  keyText(text: string, agencyId: string, inline = false): Promise<KeyedCheck | null> {
    return this.submit({ id: 0, agencyId, text }, inline);
  }

  private async submit(request: KeyingRequest, inline: boolean): Promise<KeyedCheck | null> {
    let best: Slot | undefined;
    if (!inline)
      for (const s of this.slots)
        if (
          s.ready &&
          (!best || s.pending.size + s.outgoing.length < best.pending.size + best.outgoing.length)
        )
          best = s;
    if (!best) return keyRequest(request, this.data);
    const slot = best;
    request.id = this.nextId++;
    return new Promise<KeyedCheck | null>((resolve, reject) => {
      slot.outgoing.push({ request, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    for (const slot of this.slots) {
      if (slot.outgoing.length === 0) continue;
      const jobs = slot.outgoing.splice(0);
      for (const j of jobs) slot.pending.set(j.request.id, j);
      try {
        slot.worker.postMessage(jobs.map((j) => j.request));
      } catch {
        // A body that cannot be copied to the worker (never from JSON) is keyed here.
        for (const j of jobs) {
          slot.pending.delete(j.request.id);
          this.inline(j);
        }
      }
    }
  }

  private spawn(index: number): void {
    const ext = path.extname(__filename);
    const file = path.join(__dirname, `precheck-keying.worker${ext}`);
    const data: KeyingData = { ...this.data, gazetteer: [...this.data.gazetteer] };
    const worker =
      ext === '.ts'
        ? new Worker(TS_BOOTSTRAP, { eval: true, workerData: { ...data, file } })
        : new Worker(file, { workerData: data });
    const slot: Slot = { worker, ready: false, pending: new Map(), outgoing: [] };
    this.slots[index] = slot;
    worker.unref();
    worker.on('message', (msg: KeyingReply[] | typeof KEYING_READY) => {
      if (msg === KEYING_READY) {
        slot.ready = true;
        return;
      }
      for (const reply of msg) {
        const job = slot.pending.get(reply.id);
        if (!job) continue;
        slot.pending.delete(reply.id);
        if (reply.ok) job.resolve(reply.check);
        else if ('precheckError' in reply) {
          const { code, message, errors } = reply.precheckError;
          job.reject(new PrecheckError(code, message, { errors }));
        } else if ('problem' in reply) job.reject(new ProblemException(reply.problem, reply.headers));
        else job.reject(new Error(`pre-check keying failed: ${reply.error}`));
      }
    });
    worker.on('error', (e) => {
      this.logger.error({ msg: 'pre-check keying worker failed', worker: index, error: String(e) });
    });
    worker.on('exit', (code) => {
      if (this.slots[index] !== slot) return;
      this.rescue(slot);
      if (this.stopped) return;
      this.logger.warn({ msg: 'pre-check keying worker exited; starting another', worker: index, code });
      setTimeout(() => {
        if (!this.stopped && this.slots[index] === slot) this.spawn(index);
      }, RESPAWN_MS).unref();
    });
  }

  /** Keys a dead or stopping worker's checks inline. */
  private rescue(slot: Slot): void {
    slot.ready = false;
    const jobs = [...slot.pending.values(), ...slot.outgoing.splice(0)];
    slot.pending.clear();
    for (const j of jobs) this.inline(j);
  }

  private inline(job: Job): void {
    try {
      job.resolve(keyRequest(job.request, this.data));
    } catch (e) {
      job.reject(e);
    }
  }
}
