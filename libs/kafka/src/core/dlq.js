"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildDlqRecord = buildDlqRecord;
const contracts_1 = require("../../../contracts/src");
/** Reasons are truncated so a huge validation report cannot make the DLQ record too large. */
const MAX_REASON = 4000;
/**
 * The DLQ record for a failed one: original key and bytes, original headers, plus the
 * `dlq-*` headers of contract §3 that say why and where it came from.
 */
function buildDlqRecord(failed, consumerGroup, reason) {
    const headers = { ...failed.headers };
    headers['dlq-reason'] = reason.length > MAX_REASON ? reason.slice(0, MAX_REASON - 1) + '…' : reason;
    headers['dlq-source-topic'] = failed.topic;
    headers['dlq-source-partition'] = String(failed.partition);
    headers['dlq-source-offset'] = failed.offset;
    headers['dlq-consumer-group'] = consumerGroup;
    headers['dlq-failed-at'] = new Date().toISOString();
    return { topic: (0, contracts_1.dlqTopicOf)(failed.topic), message: { key: failed.key, value: failed.value, headers } };
}
//# sourceMappingURL=dlq.js.map