import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Kafka } from 'kafkajs';
import type { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '@app/config';
import { Topics } from '@app/contracts';
import { KAFKA_CLIENT, KafkaProducerService } from '@app/kafka';
import { gauge, metricsRegistry } from '@app/observability';
import { CheckpointPublisher, type RoundOutcome } from '../checkpoint-publisher';
import { checkpointRecord, readCheckpointTopic } from '../checkpoint-topic';
import type { Checkpoint } from '../checkpoint';
import {
  CHECKPOINT_COLUMNS,
  DisclosureLedger,
  ledgerTables,
  toCheckpoint,
  type CheckpointRow,
} from '../disclosure-ledger';
import { LedgerSigner, publicLedgerKey } from '../keys';
import type { LedgerEnv } from './ledger-env';

/** The chain (schema) a LedgerModule writes. */
const LEDGER_CHAIN = Symbol('LEDGER_CHAIN');

/** How often the newest stored checkpoint is published when it changed, in ms. */
export const CHECKPOINT_PUBLISH_INTERVAL_MS = 1000;
/** How long shutdown waits for its last round (Kafka may be down); the next start publishes what it missed. */
const SHUTDOWN_ROUND_TIMEOUT_MS = 5000;

/** A gauge of the service's registry, made on first use (services without a chain never show it). */
function chainGauge(name: string, help: string): Gauge<'chain'> {
  return (
    (metricsRegistry.getSingleMetric(name) as Gauge<'chain'> | undefined) ?? gauge(name, help, ['chain'])
  );
}

/** The signer a service's env asks for; the development key only when RUN_MODE=development. */
export function ledgerSignerFromEnv(env: LedgerEnv, logger: Pick<Logger, 'warn'>): LedgerSigner {
  if (env.LEDGER_SIGNING_KEY) return LedgerSigner.fromBase64(env.LEDGER_SIGNING_KEY);
  if (env.RUN_MODE !== 'development')
    throw new Error('LEDGER_SIGNING_KEY is required unless RUN_MODE=development');
  const signer = LedgerSigner.development();
  logger.warn(
    `LEDGER_SIGNING_KEY is not set (RUN_MODE=development): the disclosure ledger is signed with the PUBLIC development key ${signer.keyId}, which proves nothing`,
  );
  return signer;
}

/** Builds a chain's writer from the service's env. */
function createLedger(chainId: string, env: LedgerEnv): DisclosureLedger {
  const logger = new Logger('DisclosureLedger');
  const signer = ledgerSignerFromEnv(env, logger);
  const previous = (env.LEDGER_PREVIOUS_PUBLIC_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '')
    .map(publicLedgerKey);
  logger.log(`ledger ${chainId} signs with key ${signer.keyId} (public key ${signer.publicKey})`);
  return new DisclosureLedger(chainId, signer, previous);
}

/**
 * Anchors legacy entries at start, then publishes the chain's newest stored checkpoint once a
 * second when it changed, and once more at shutdown (after the consumers stopped, before the
 * producer and the pool close).
 */
@Injectable()
export class CheckpointPublisherHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointPublisherHost.name);
  private readonly publisher: CheckpointPublisher;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RoundOutcome> = Promise.resolve('skipped');
  private readonly publishedSeq = chainGauge(
    'intel_ledger_checkpoint_published_seq',
    'Seq of the newest disclosure ledger checkpoint this instance published, per chain',
  );
  private readonly refusing = chainGauge(
    'intel_ledger_checkpoint_refused',
    '1 while the ledger no longer holds its published head (entries deleted or rewritten), per chain',
  );

  constructor(
    @Inject(LEDGER_CHAIN) private readonly chainId: string,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ledger: DisclosureLedger,
    private readonly producer: KafkaProducerService,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
  ) {
    const t = ledgerTables(chainId);
    this.publisher = new CheckpointPublisher(
      chainId,
      {
        newestStored: async () => {
          const [row] = await this.ds.query<(Partial<CheckpointRow> & { instance_id: string })[]>(
            `SELECT c.instance_id, k.* FROM ${t.chain} c
             LEFT JOIN LATERAL (SELECT ${CHECKPOINT_COLUMNS} FROM ${t.checkpoints} ORDER BY seq DESC LIMIT 1) k ON true`,
          );
          if (!row) throw new Error(`${t.chain} holds no row: the ledger's instance is unknown`);
          return {
            instanceId: row.instance_id,
            checkpoint: row.seq == null ? null : toCheckpoint(chainId, row.instance_id, row as CheckpointRow),
          };
        },
        entryHash: async (seq) => {
          const [row] = await this.ds.query<{ hash: string }[]>(
            `SELECT hash FROM ${t.entries} WHERE seq = $1`,
            [seq],
          );
          return row?.hash ?? null;
        },
        newestPublished: () => this.newestPublished(),
        publish: async (c) => {
          await this.producer.send(Topics.LedgerCheckpoint, [checkpointRecord(c)]);
          this.publishedSeq.set({ chain: chainId }, c.seq);
        },
      },
      {
        info: (msg, extra) => this.logger.log({ msg, ...extra }),
        warn: (msg, extra) => this.logger.warn({ msg, ...extra }),
        error: (msg, extra) => this.logger.error({ msg, ...extra }),
      },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      const anchored = await this.ds.transaction((m) =>
        this.ledger.anchorLegacyEntries((sql, params) => m.query(sql, params)),
      );
      if (anchored) {
        this.logger.log(
          `ledger ${this.chainId}: entries 1–${anchored.seq} (written before the ledger was keyed) anchored by a signed checkpoint`,
        );
      }
    } catch (e) {
      // Appends will refuse too (and say why); the service still starts so operators can see it.
      this.logger.error({ msg: `ledger ${this.chainId}: ${(e as Error).message}` });
    }
    this.timer = setInterval(() => void this.publishNow(), CHECKPOINT_PUBLISH_INTERVAL_MS);
    this.timer.unref();
  }

  /** Runs a publishing round after the one in flight (rounds never overlap). */
  publishNow(): Promise<RoundOutcome> {
    this.running = this.running.then(async () => {
      const outcome = await this.publisher.round();
      this.refusing.set({ chain: this.chainId }, outcome === 'refused' ? 1 : 0);
      return outcome;
    });
    return this.running;
  }

  /** The newest checkpoint this instance knows to be published. */
  get lastPublished(): Checkpoint | null {
    return this.publisher.lastPublished;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // What committed while the consumers drained goes out now, not at the next start.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(
      (r) => (timer = setTimeout(() => r('timeout'), SHUTDOWN_ROUND_TIMEOUT_MS)),
    );
    const outcome = await Promise.race([this.publishNow(), timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout' || outcome === 'failed') {
      this.logger.warn({
        msg: `ledger ${this.chainId}: the last checkpoint was not published at shutdown; the next start publishes it`,
      });
    }
  }

  /**
   * The newest genuine checkpoint of this chain on the topic: of the instance that published
   * last, the highest seq. Records that do not verify with this service's keys are ignored here
   * (verification reports them).
   */
  private async newestPublished(): Promise<Checkpoint | null> {
    const genuine = (await readCheckpointTopic(this.kafka))
      .filter((p) => p.key === this.chainId)
      .flatMap((p) => ('checkpoint' in p && this.ledger.signedByUs(p.checkpoint) ? [p.checkpoint] : []));
    const current = genuine.at(-1)?.instanceId;
    return genuine
      .filter((c) => c.instanceId === current)
      .reduce<Checkpoint | null>((best, c) => (best === null || c.seq > best.seq ? c : best), null);
  }
}

/** The disclosure ledger of one chain (the service's schema): its writer and its checkpoint publisher. */
@Module({})
export class LedgerModule {
  static forChain(schema: string): DynamicModule {
    ledgerTables(schema); // a bad name fails at wiring, not at the first append
    return {
      module: LedgerModule,
      providers: [
        { provide: LEDGER_CHAIN, useValue: schema },
        {
          provide: DisclosureLedger,
          inject: [APP_CONFIG],
          useFactory: (env: LedgerEnv) => createLedger(schema, env),
        },
        CheckpointPublisherHost,
      ],
      exports: [DisclosureLedger, CheckpointPublisherHost],
    };
  }
}
