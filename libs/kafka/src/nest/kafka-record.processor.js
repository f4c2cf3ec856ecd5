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
var KafkaRecordProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaRecordProcessor = exports.PoisonRecordError = void 0;
const common_1 = require("@nestjs/common");
const observability_1 = require("../../../observability/src");
const prom_client_1 = require("prom-client");
const observability_2 = require("../../../observability/src");
const dlq_1 = require("../core/dlq");
const headers_1 = require("../core/headers");
const transient_1 = require("../core/transient");
const kafka_producer_service_1 = require("./kafka-producer.service");
const kafka_tokens_1 = require("./kafka.tokens");
/** Thrown by a use case for a record that can never be processed (goes to the DLQ). */
class PoisonRecordError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PoisonRecordError';
    }
}
exports.PoisonRecordError = PoisonRecordError;
const processed = new prom_client_1.Counter({
    name: 'intel_records_processed_total',
    help: 'Kafka records handled by a consumer, by outcome',
    labelNames: ['topic', 'group', 'outcome'],
    registers: [observability_2.metricsRegistry],
});
const duration = new prom_client_1.Histogram({
    name: 'intel_record_processing_seconds',
    help: 'Time to process one Kafka record',
    labelNames: ['topic', 'group'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [observability_2.metricsRegistry],
});
/**
 * The one way a consumer handles a record: decode, validate with the contract DTO,
 * call one use case. Invalid or poison records go to `<topic>.dlq` with the dlq-*
 * headers and the partition moves on; transient failures are retried in place and,
 * if they persist, rethrown so kafkajs does not commit the offset and redelivers.
 */
let KafkaRecordProcessor = KafkaRecordProcessor_1 = class KafkaRecordProcessor {
    producer;
    logger = new common_1.Logger(KafkaRecordProcessor_1.name);
    /** In-place retries before handing the record back to kafkajs (which redelivers it). */
    retryDelaysMs = [100, 500, 2000, 5000];
    group;
    constructor(producer, group) {
        this.producer = producer;
        this.group = group ?? 'unknown';
    }
    async process(ctx, validate, useCase) {
        const topic = ctx.getTopic();
        const { meta, failed } = this.describe(ctx.getMessage(), topic, ctx.getPartition());
        const headers = meta.headers;
        const group = this.group;
        const endTimer = duration.startTimer({ topic, group });
        await (0, observability_1.withCorrelationId)(headers['correlation-id'] ?? headers['event-id'], async () => {
            const result = this.check(failed, validate);
            if (!result.ok) {
                await this.deadLetter(failed, group, result.reason);
                return;
            }
            const outcome = await this.applyWithRetries(topic, ctx.getHeartbeat(), meta.offset, 1, () => useCase(result.value, meta));
            if (outcome !== 'ok')
                await this.deadLetter(failed, group, `processing failed: ${outcome.message}`);
        }).finally(() => endTimer());
    }
    /**
     * The batch form of `process`, for consumers served by KafkaBatchServer: every record of
     * the chunk is decoded and validated (invalid ones go to the DLQ, as above), then the
     * valid ones are applied together by one call of `useCase` (typically one transaction).
     * A transient failure retries the whole chunk in place; a failure that is not transient
     * is narrowed down by applying the records one at a time, so only the record that cannot
     * be processed is dead-lettered and the rest are applied.
     */
    async processBatch(ctx, validate, useCase) {
        const topic = ctx.getTopic();
        const group = this.group;
        const items = [];
        for (const message of ctx.getMessages()) {
            const { meta, failed } = this.describe(message, topic, ctx.getPartition());
            const verdict = this.check(failed, validate);
            if (!verdict.ok)
                await this.deadLetter(failed, group, verdict.reason);
            else
                items.push({ item: { value: verdict.value, meta }, failed });
        }
        if (items.length === 0)
            return;
        const started = process.hrtime.bigint();
        try {
            const all = items.map((i) => i.item);
            const outcome = await this.applyWithRetries(topic, ctx.getHeartbeat(), all[0].meta.offset, all.length, () => useCase(all));
            if (outcome === 'ok')
                return;
            if (items.length === 1) {
                await this.deadLetter(items[0].failed, group, `processing failed: ${outcome.message}`);
                return;
            }
            this.logger.warn({
                msg: 'a batch failed for good; applying its records one at a time to find the one that cannot be processed',
                topic,
                records: items.length,
                error: outcome.message,
            });
            for (const { item, failed } of items) {
                const single = await this.applyWithRetries(topic, ctx.getHeartbeat(), item.meta.offset, 1, () => useCase([item]));
                if (single !== 'ok')
                    await this.deadLetter(failed, group, `processing failed: ${single.message}`);
            }
        }
        finally {
            // one observation per record: its share of the batch's time
            const share = Number(process.hrtime.bigint() - started) / 1e9 / items.length;
            for (let i = 0; i < items.length; i++)
                duration.observe({ topic, group }, share);
        }
    }
    /**
     * Applies records, retrying transient failures in place; rethrows when they persist (the
     * records stay uncommitted and kafkajs redelivers them). Returns the error of a failure
     * that is not transient.
     */
    async applyWithRetries(topic, heartbeat, first, records, apply) {
        const group = this.group;
        for (let attempt = 0;; attempt++) {
            try {
                await apply();
                processed.inc({ topic, group, outcome: 'ok' }, records);
                return 'ok';
            }
            catch (e) {
                if (e instanceof PoisonRecordError || !(0, transient_1.isTransientError)(e)) {
                    this.logger.error({
                        msg: 'records cannot be processed',
                        topic,
                        offset: first,
                        records,
                        error: e.message,
                    });
                    return e;
                }
                processed.inc({ topic, group, outcome: 'retry' }, records);
                // An error may say how soon a retry can succeed (e.g. a record waiting for another
                // partition's record): it is retried at that pace within the same overall budget.
                const hint = retryAfterMsOf(e);
                const budget = this.retryDelaysMs.reduce((a, b) => a + b, 0);
                const maxAttempts = hint ? Math.max(1, Math.ceil(budget / hint)) : this.retryDelaysMs.length;
                if (attempt >= maxAttempts) {
                    this.logger.warn({
                        msg: 'transient failure persists; leaving the records uncommitted for redelivery',
                        topic,
                        offset: first,
                        records,
                        error: e.message,
                    });
                    throw e;
                }
                const log = {
                    msg: 'transient failure; retrying',
                    topic,
                    offset: first,
                    records,
                    attempt: attempt + 1,
                    error: e.message,
                };
                if (hint && attempt % 20 !== 0)
                    this.logger.debug(log);
                else
                    this.logger.warn(log);
                await new Promise((r) => setTimeout(r, hint ?? this.retryDelaysMs[attempt]));
                await heartbeat().catch(() => undefined);
            }
        }
    }
    describe(message, topic, partition) {
        const headers = (0, headers_1.decodeHeaders)(message.headers);
        const key = message.key === null || message.key === undefined ? null : String(message.key);
        const meta = {
            topic,
            partition,
            offset: message.offset,
            key,
            headers,
            eventId: headers['event-id'],
            timestamp: message.timestamp,
        };
        const raw = message.value;
        return { meta, failed: { topic, partition, offset: meta.offset, key, value: raw, headers } };
    }
    /** Decodes and validates a record's value; says why when it can never be processed. */
    check(failed, validate) {
        let plain;
        try {
            const raw = failed.value;
            const text = raw === null ? '' : Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
            plain = JSON.parse(text);
        }
        catch (e) {
            return { ok: false, reason: `value is not valid JSON: ${e.message}` };
        }
        const result = validate(plain);
        if (!result.ok)
            return {
                ok: false,
                reason: 'validation failed: ' + result.errors.map((er) => `${er.path}: ${er.message}`).join('; '),
            };
        const eventIdHeader = failed.headers['event-id'];
        const bodyEventId = plain.eventId;
        if (eventIdHeader && typeof bodyEventId === 'string' && eventIdHeader !== bodyEventId)
            return {
                ok: false,
                reason: `event-id header ${eventIdHeader} differs from body eventId ${bodyEventId}`,
            };
        return { ok: true, value: result.value };
    }
    async deadLetter(failed, group, reason) {
        const dlq = (0, dlq_1.buildDlqRecord)(failed, group, reason);
        // Awaited: if the DLQ write fails the error propagates and the record is not committed.
        await this.producer.send(dlq.topic, [
            { key: dlq.message.key, value: dlq.message.value ?? '', headers: dlq.message.headers },
        ]);
        processed.inc({ topic: failed.topic, group, outcome: 'dlq' });
        this.logger.warn({
            msg: 'record sent to DLQ',
            topic: failed.topic,
            partition: failed.partition,
            offset: failed.offset,
            dlqTopic: dlq.topic,
            reason,
        });
    }
};
exports.KafkaRecordProcessor = KafkaRecordProcessor;
exports.KafkaRecordProcessor = KafkaRecordProcessor = KafkaRecordProcessor_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Optional)()),
    __param(1, (0, common_1.Inject)(kafka_tokens_1.CONSUMER_GROUP)),
    __metadata("design:paramtypes", [kafka_producer_service_1.KafkaProducerService, String])
], KafkaRecordProcessor);
/** The retry pace an error asks for (`retryAfterMs`), if any. */
function retryAfterMsOf(e) {
    const ms = e?.retryAfterMs;
    return typeof ms === 'number' && ms > 0 ? ms : undefined;
}
//# sourceMappingURL=kafka-record.processor.js.map