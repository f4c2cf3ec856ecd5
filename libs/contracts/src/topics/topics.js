"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventTypes = exports.Headers = exports.TopicConfigs = exports.TopicPartitions = exports.Topics = void 0;
exports.dlqTopicOf = dlqTopicOf;
exports.allTopicSpecs = allTopicSpecs;
/** Every topic of the system, versioned, in one place (contract §3). */
exports.Topics = {
    SeizureReported: 'intel.seizure.reported.v1',
    RouteReported: 'intel.route.reported.v1',
    CaseLinked: 'intel.case.linked.v1',
    AlertIssued: 'intel.alert.issued.v1',
    PrecheckHit: 'intel.precheck.hit.v1',
    /** Signed checkpoints of the disclosure ledgers (docs/ledger.md): compacted, key = chain id. */
    LedgerCheckpoint: 'intel.ledger.checkpoint.v1',
};
/** The dead-letter topic of a source topic. */
function dlqTopicOf(topic) {
    return `${topic}.dlq`;
}
/** Partition counts used when topics are created explicitly (KRaft auto-creation races with kafkajs). */
exports.TopicPartitions = {
    [exports.Topics.SeizureReported]: 6,
    [exports.Topics.RouteReported]: 3,
    [exports.Topics.CaseLinked]: 6,
    [exports.Topics.AlertIssued]: 3,
    [exports.Topics.PrecheckHit]: 3,
    // One partition: a reader takes the whole (small) topic, in the order it was written.
    [exports.Topics.LedgerCheckpoint]: 1,
};
/**
 * Topic settings other than the broker's defaults. The checkpoint topic is compacted (the newest
 * checkpoint of each chain is kept for good), with hourly segments so compaction keeps it small.
 */
exports.TopicConfigs = {
    [exports.Topics.LedgerCheckpoint]: { 'cleanup.policy': 'compact', 'segment.ms': '3600000' },
};
/** Topics no consumer group processes, so nothing is ever dead-lettered from them: no DLQ. */
const WITHOUT_DLQ = new Set([exports.Topics.LedgerCheckpoint]);
/** Every topic the system needs, with its DLQ where it has one, and the partition count and settings of each. */
function allTopicSpecs() {
    return Object.entries(exports.TopicPartitions).flatMap(([topic, numPartitions]) => {
        const config = exports.TopicConfigs[topic];
        const spec = {
            topic,
            numPartitions,
            ...(config ? { configEntries: Object.entries(config).map(([name, value]) => ({ name, value })) } : {}),
        };
        return WITHOUT_DLQ.has(topic) ? [spec] : [spec, { topic: dlqTopicOf(topic), numPartitions: 1 }];
    });
}
/** Record headers every record carries (contract §3). */
exports.Headers = {
    EventId: 'event-id',
    EventType: 'event-type',
    SchemaVersion: 'schema-version',
    CorrelationId: 'correlation-id',
    Replay: 'dlq-replayed-from',
    DlqReason: 'dlq-reason',
    DlqSourceTopic: 'dlq-source-topic',
    DlqSourcePartition: 'dlq-source-partition',
    DlqSourceOffset: 'dlq-source-offset',
    DlqConsumerGroup: 'dlq-consumer-group',
};
/** Event types carried in the `event-type` header. */
exports.EventTypes = {
    SeizureReported: 'SeizureReported',
    RouteReported: 'RouteReported',
    CaseLinked: 'CaseLinked',
    AlertIssued: 'AlertIssued',
    PrecheckHit: 'PrecheckHit',
    LedgerCheckpoint: 'LedgerCheckpoint',
};
//# sourceMappingURL=topics.js.map