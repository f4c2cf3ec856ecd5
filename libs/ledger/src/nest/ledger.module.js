"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var CheckpointPublisherHost_1, LedgerModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.LedgerModule = exports.CheckpointPublisherHost = exports.CHECKPOINT_PUBLISH_INTERVAL_MS = void 0;
exports.ledgerSignerFromEnv = ledgerSignerFromEnv;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const prom_client_1 = require("prom-client");
const typeorm_2 = require("typeorm");
const config_1 = require("../../../config/src");
const contracts_1 = require("../../../contracts/src");
const kafka_1 = require("../../../kafka/src");
const observability_1 = require("../../../observability/src");
const checkpoint_publisher_1 = require("../checkpoint-publisher");
const checkpoint_topic_1 = require("../checkpoint-topic");
const disclosure_ledger_1 = require("../disclosure-ledger");
const keys_1 = require("../keys");
/** The chain (schema) a LedgerModule writes. */
const LEDGER_CHAIN = Symbol('LEDGER_CHAIN');
/** How often the newest stored checkpoint is published when it changed, in ms. */
exports.CHECKPOINT_PUBLISH_INTERVAL_MS = 1000;
/** How long shutdown waits for its last round (Kafka may be down); the next start publishes what it missed. */
const SHUTDOWN_ROUND_TIMEOUT_MS = 5000;
/** A gauge of the service's registry, made on first use (services without a chain never show it). */
function gauge(name, help) {
    return (observability_1.metricsRegistry.getSingleMetric(name) ??
        new prom_client_1.Gauge({ name, help, labelNames: ['chain'], registers: [observability_1.metricsRegistry] }));
}
/** The signer a service's env asks for; the development key only when RUN_MODE=development. */
function ledgerSignerFromEnv(env, logger) {
    if (env.LEDGER_SIGNING_KEY)
        return keys_1.LedgerSigner.fromBase64(env.LEDGER_SIGNING_KEY);
    if (env.RUN_MODE !== 'development')
        throw new Error('LEDGER_SIGNING_KEY is required unless RUN_MODE=development');
    const signer = keys_1.LedgerSigner.development();
    logger.warn(`LEDGER_SIGNING_KEY is not set (RUN_MODE=development): the disclosure ledger is signed with the PUBLIC development key ${signer.keyId}, which proves nothing`);
    return signer;
}
/** Builds a chain's writer from the service's env. */
function createLedger(chainId, env) {
    const logger = new common_1.Logger('DisclosureLedger');
    const signer = ledgerSignerFromEnv(env, logger);
    const previous = (env.LEDGER_PREVIOUS_PUBLIC_KEYS ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k !== '')
        .map(keys_1.publicLedgerKey);
    logger.log(`ledger ${chainId} signs with key ${signer.keyId} (public key ${signer.publicKey})`);
    return new disclosure_ledger_1.DisclosureLedger(chainId, signer, previous);
}
/**
 * Anchors legacy entries at start, then publishes the chain's newest stored checkpoint once a
 * second when it changed, and once more at shutdown (after the consumers stopped, before the
 * producer and the pool close).
 */
let CheckpointPublisherHost = CheckpointPublisherHost_1 = class CheckpointPublisherHost {
    chainId;
    ds;
    ledger;
    producer;
    kafka;
    logger = new common_1.Logger(CheckpointPublisherHost_1.name);
    publisher;
    timer;
    running = Promise.resolve('skipped');
    publishedSeq = gauge('intel_ledger_checkpoint_published_seq', 'Seq of the newest disclosure ledger checkpoint this instance published, per chain');
    refusing = gauge('intel_ledger_checkpoint_refused', '1 while the ledger no longer holds its published head (entries deleted or rewritten), per chain');
    constructor(chainId, ds, ledger, producer, kafka) {
        this.chainId = chainId;
        this.ds = ds;
        this.ledger = ledger;
        this.producer = producer;
        this.kafka = kafka;
        const t = (0, disclosure_ledger_1.ledgerTables)(chainId);
        this.publisher = new checkpoint_publisher_1.CheckpointPublisher(chainId, {
            newestStored: async () => {
                const [row] = await this.ds.query(`SELECT c.instance_id, k.* FROM ${t.chain} c
             LEFT JOIN LATERAL (SELECT ${disclosure_ledger_1.CHECKPOINT_COLUMNS} FROM ${t.checkpoints} ORDER BY seq DESC LIMIT 1) k ON true`);
                if (!row)
                    throw new Error(`${t.chain} holds no row: the ledger's instance is unknown`);
                return {
                    instanceId: row.instance_id,
                    checkpoint: row.seq == null ? null : (0, disclosure_ledger_1.toCheckpoint)(chainId, row.instance_id, row),
                };
            },
            entryHash: async (seq) => {
                const [row] = await this.ds.query(`SELECT hash FROM ${t.entries} WHERE seq = $1`, [seq]);
                return row?.hash ?? null;
            },
            newestPublished: () => this.newestPublished(),
            publish: async (c) => {
                await this.producer.send(contracts_1.Topics.LedgerCheckpoint, [(0, checkpoint_topic_1.checkpointRecord)(c)]);
                this.publishedSeq.set({ chain: chainId }, c.seq);
            },
        }, {
            info: (msg, extra) => this.logger.log({ msg, ...extra }),
            warn: (msg, extra) => this.logger.warn({ msg, ...extra }),
            error: (msg, extra) => this.logger.error({ msg, ...extra }),
        });
    }
    async onApplicationBootstrap() {
        try {
            const anchored = await this.ds.transaction((m) => this.ledger.anchorLegacyEntries((sql, params) => m.query(sql, params)));
            if (anchored) {
                this.logger.log(`ledger ${this.chainId}: entries 1–${anchored.seq} (written before the ledger was keyed) anchored by a signed checkpoint`);
            }
        }
        catch (e) {
            // Appends will refuse too (and say why); the service still starts so operators can see it.
            this.logger.error({ msg: `ledger ${this.chainId}: ${e.message}` });
        }
        this.timer = setInterval(() => void this.publishNow(), exports.CHECKPOINT_PUBLISH_INTERVAL_MS);
        this.timer.unref();
    }
    /** Runs a publishing round after the one in flight (rounds never overlap). */
    publishNow() {
        this.running = this.running.then(async () => {
            const outcome = await this.publisher.round();
            this.refusing.set({ chain: this.chainId }, outcome === 'refused' ? 1 : 0);
            return outcome;
        });
        return this.running;
    }
    /** The newest checkpoint this instance knows to be published. */
    get lastPublished() {
        return this.publisher.lastPublished;
    }
    async onApplicationShutdown() {
        clearInterval(this.timer);
        // What committed while the consumers drained goes out now, not at the next start.
        let timer;
        const timeout = new Promise((r) => (timer = setTimeout(() => r('timeout'), SHUTDOWN_ROUND_TIMEOUT_MS)));
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
    async newestPublished() {
        const genuine = (await (0, checkpoint_topic_1.readCheckpointTopic)(this.kafka))
            .filter((p) => p.key === this.chainId)
            .flatMap((p) => ('checkpoint' in p && this.ledger.signedByUs(p.checkpoint) ? [p.checkpoint] : []));
        const current = genuine.at(-1)?.instanceId;
        return genuine
            .filter((c) => c.instanceId === current)
            .reduce((best, c) => (best === null || c.seq > best.seq ? c : best), null);
    }
};
exports.CheckpointPublisherHost = CheckpointPublisherHost;
exports.CheckpointPublisherHost = CheckpointPublisherHost = CheckpointPublisherHost_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(LEDGER_CHAIN)),
    __param(1, (0, typeorm_1.InjectDataSource)()),
    __param(4, (0, common_1.Inject)(kafka_1.KAFKA_CLIENT)),
    __metadata("design:paramtypes", [String, typeorm_2.DataSource,
        disclosure_ledger_1.DisclosureLedger,
        kafka_1.KafkaProducerService, Function])
], CheckpointPublisherHost);
/** The disclosure ledger of one chain (the service's schema): its writer and its checkpoint publisher. */
let LedgerModule = LedgerModule_1 = class LedgerModule {
    static forChain(schema) {
        (0, disclosure_ledger_1.ledgerTables)(schema); // a bad name fails at wiring, not at the first append
        return {
            module: LedgerModule_1,
            providers: [
                { provide: LEDGER_CHAIN, useValue: schema },
                {
                    provide: disclosure_ledger_1.DisclosureLedger,
                    inject: [config_1.APP_CONFIG],
                    useFactory: (env) => createLedger(schema, env),
                },
                CheckpointPublisherHost,
            ],
            exports: [disclosure_ledger_1.DisclosureLedger, CheckpointPublisherHost],
        };
    }
};
exports.LedgerModule = LedgerModule;
exports.LedgerModule = LedgerModule = LedgerModule_1 = __decorate([
    (0, common_1.Module)({})
], LedgerModule);
//# sourceMappingURL=ledger.module.js.map