// Writes docs/asyncapi.yaml, the AsyncAPI 3 document of every Kafka topic (docs/contract.md#topics),
// from the code: topic names, partitions and settings from libs/contracts/src/topics/topics.ts,
// record headers from its `Headers`, consumer groups from the service definitions, and the
// value schemas from the contracts (scripts/openapi-schemas.ts: report DTOs, event classes,
// the AlertIssued and checkpoint types).
// Usage: npm run asyncapi [-- --check]   (--check only compares, exit 1 when the file is stale)
import * as path from 'node:path';
import { stringify } from 'yaml';
import {
  AGENCY_ID_PATTERN,
  CappedValueView,
  CaseLinkedEvent,
  ClusterMerge,
  EventTypes,
  Headers,
  LinkReason,
  LinkedAgencyCase,
  LinkedReport,
  PrecheckHitEvent,
  REPORT_LIMITS,
  RouteReportDto,
  SeizureReportDto,
  TopicConfigs,
  TopicPartitions,
  Topics,
  TOPIC_PREFIX,
  allTopicSpecs,
  dlqTopicOf,
  type TopicName,
} from '@app/contracts';
import { PRODUCER_KEY_HEADER, PRODUCER_MAC_HEADER } from '@app/identity';
import { correlationService } from '../apps/correlation/src/correlation.service-definition';
import { notificationService } from '../apps/notification/src/notification.service-definition';
import {
  danglingRefs,
  dtoSchemas,
  mergeSchemas,
  REF_PREFIX,
  typeSchemas,
  validatorSchemas,
  type Schema,
  type Schemas,
} from './openapi-schemas';
import { runGenerator, writeGeneratedDocs } from './generated-docs';

/** The document's path from the repository root. */
export const ASYNCAPI_FILE = path.join('docs', 'asyncapi.yaml');

const KAFKA_BINDING = '0.5.0';

/** What the document says about each topic of `Topics`. */
interface TopicDoc {
  /** Channel and message id. */
  id: string;
  eventType: string;
  /** Component schema of the value. */
  payload: string;
  key: Schema;
  description: string;
  /** Who writes it (the `send` operation). */
  writers: string;
}

const AGENCY = AGENCY_ID_PATTERN.source.replace(/^\^|\$$/g, '');

const TOPICS: Record<TopicName, TopicDoc> = {
  [Topics.SeizureReported]: {
    id: 'seizureReported',
    eventType: EventTypes.SeizureReported,
    payload: 'SeizureReportDto',
    key: {
      type: 'string',
      description: '`<agencyId>:<agencyCaseRef>`: every report of one agency case on one partition, in order',
      pattern: `^${AGENCY}:.{1,${REPORT_LIMITS.maxRef}}$`,
      examples: ['PK-ANF:ANF-PES-2026-0412'],
    },
    description:
      'A seizure an agency reports; value = the report JSON exactly as the body of `POST /v1/seizures` (docs/contract.md#seizurereport).',
    writers:
      'the ingest gateway relay, and agency systems that publish directly (docs/contract.md#publishing-directly-to-kafka)',
  },
  [Topics.RouteReported]: {
    id: 'routeReported',
    eventType: EventTypes.RouteReported,
    payload: 'RouteReportDto',
    key: {
      type: 'string',
      description: '`<agencyId>:<routeRef>`',
      pattern: `^${AGENCY}:.{1,${REPORT_LIMITS.maxRef}}$`,
      examples: ['AF-CNPA:CNPA-RT-2026-031'],
    },
    description:
      'A smuggling route an agency reports; value = the body of `POST /v1/routes` (docs/contract.md#routereport).',
    writers:
      'the ingest gateway relay, and agency systems that publish directly (docs/contract.md#publishing-directly-to-kafka)',
  },
  [Topics.CaseLinked]: {
    id: 'caseLinked',
    eventType: EventTypes.CaseLinked,
    payload: 'CaseLinkedEvent',
    key: { type: 'string', format: 'uuid', description: 'The `clusterId`' },
    description: 'One record per new link between two agency cases (docs/contract.md#caselinked).',
    writers: 'the correlation service (outbox relay)',
  },
  [Topics.PrecheckHit]: {
    id: 'precheckHit',
    eventType: EventTypes.PrecheckHit,
    payload: 'PrecheckHitEvent',
    key: { type: 'string', pattern: `^${AGENCY}$`, description: 'The `owningAgencyId`' },
    description: 'One record per hit of a consignment pre-check (docs/contract.md#precheckhit).',
    writers: 'the correlation service (outbox relay), in the transaction of the check',
  },
  [Topics.AlertIssued]: {
    id: 'alertIssued',
    eventType: EventTypes.AlertIssued,
    payload: 'AlertIssuedValue',
    key: { type: 'string', pattern: `^${AGENCY}$`, description: 'The `recipientAgencyId`' },
    description:
      'Every alert a liaison office receives, of either kind; the same object is the webhook `data`, the inbox item and the SSE event (docs/contract.md#alertissued). No service of the project reads it: it is for downstream consumers. Its `event-id` header is the `alertId`.',
    writers: 'the notification service (outbox relay)',
  },
  [Topics.LedgerCheckpoint]: {
    id: 'ledgerCheckpoint',
    eventType: EventTypes.LedgerCheckpoint,
    payload: 'LedgerCheckpointValue',
    key: { type: 'string', description: "The chain id (the writing service's schema, e.g. `notification`)" },
    description:
      "Signed checkpoints of the services' disclosure ledgers; compacted, so the newest checkpoint of each chain is kept for good (docs/ledger.md#checkpoints-outside-the-database).",
    writers: 'each service that keeps a ledger (notification)',
  },
};

/** Consumer groups and what they read, from the service definitions. */
const CONSUMERS = [correlationService, notificationService].map((d) => ({
  group: d.consumerGroup!,
  service: d.name,
  topics: d.consumedTopics ?? [],
}));

/** Headers every record carries (docs/contract.md#record-headers). */
function recordHeaders(eventType: string, eventIdText: string): Schema {
  return {
    type: 'object',
    required: [Headers.EventId, Headers.EventType, Headers.SchemaVersion],
    properties: {
      [Headers.EventId]: { type: 'string', format: 'uuid', description: eventIdText },
      [Headers.EventType]: { type: 'string', const: eventType },
      [Headers.SchemaVersion]: { type: 'string', const: '1' },
      [Headers.CorrelationId]: {
        type: 'string',
        description: "Optional; the gateway copies the HTTP request's `x-correlation-id` onto report records",
      },
      traceparent: {
        type: 'string',
        pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
        description:
          'Optional W3C trace context; consumers continue the trace it names (docs/operating.md#traces)',
      },
      [Headers.Replay]: {
        type: 'string',
        pattern: '^.+\\.dlq/\\d+/\\d+$',
        description:
          'Only on a record the ops monitor replayed from a DLQ: `<dlqTopic>/<partition>/<offset>`',
      },
    },
  };
}

/** Adds the producer signature headers of a report record (docs/contract.md#publishing-directly-to-kafka). */
function signedBy(message: Schema): void {
  const headers = message.headers as { required: string[]; properties: Schema };
  headers.required.push(PRODUCER_KEY_HEADER, PRODUCER_MAC_HEADER);
  headers.properties[PRODUCER_KEY_HEADER] = {
    type: 'string',
    pattern: '^[0-9a-f]{16}$',
    description:
      "The id of a publisher API key of the report's agency (required unless RECORD_SIGNATURES=if-signed)",
  };
  headers.properties[PRODUCER_MAC_HEADER] = {
    type: 'string',
    description:
      'base64url HMAC-SHA256 of "border-intel record v1\\n<topic>\\n<key>\\n" and the value, keyed with the SHA-256 of the key\'s secret',
  };
}

/** Headers a dead-lettered record carries besides its original ones (docs/contract.md#dead-letter-topics). */
function dlqHeaders(): Schema {
  return {
    type: 'object',
    description: "The original record's headers (event-id, event-type, …) are kept as they were, plus these.",
    required: [
      Headers.DlqReason,
      Headers.DlqSourceTopic,
      Headers.DlqSourcePartition,
      Headers.DlqSourceOffset,
      Headers.DlqConsumerGroup,
      'dlq-failed-at',
    ],
    properties: {
      [Headers.DlqReason]: {
        type: 'string',
        maxLength: 4000,
        description:
          'Why, e.g. `validation failed: location: needs a known crossingPoint, or lat and lon, or both`',
      },
      [Headers.DlqSourceTopic]: { type: 'string', description: 'The topic the record was read from' },
      [Headers.DlqSourcePartition]: { type: 'string', pattern: '^\\d+$' },
      [Headers.DlqSourceOffset]: { type: 'string', pattern: '^\\d+$' },
      [Headers.DlqConsumerGroup]: { type: 'string', description: 'The consumer group that gave up on it' },
      'dlq-failed-at': { type: 'string', format: 'date-time' },
    },
  };
}

function channelBinding(topic: string, partitions: number, config?: Record<string, string>): Schema {
  const topicConfiguration = config
    ? Object.fromEntries(
        Object.entries(config).map(([k, v]) => [
          k,
          k === 'cleanup.policy' ? v.split(',') : /^-?\d+$/.test(v) ? Number(v) : v,
        ]),
      )
    : undefined;
  return {
    kafka: {
      topic,
      partitions,
      ...(topicConfiguration ? { topicConfiguration } : {}),
      bindingVersion: KAFKA_BINDING,
    },
  };
}

/** The payload schemas, from the contracts. */
async function payloadSchemas(): Promise<Schemas> {
  return mergeSchemas(
    await dtoSchemas([SeizureReportDto, RouteReportDto]),
    validatorSchemas({
      CaseLinkedEvent,
      LinkedAgencyCase,
      LinkedReport,
      LinkReason,
      CappedValueView,
      ClusterMerge,
      PrecheckHitEvent,
    }),
    typeSchemas(['AlertIssuedValue', 'LedgerCheckpointValue']),
  );
}

/** The AsyncAPI document as plain data. */
export async function asyncApiDocument(): Promise<Schema> {
  const schemas = await payloadSchemas();
  const channels: Schema = {};
  const messages: Schema = {};
  const operations: Schema = {};
  const withDlq = new Set(allTopicSpecs().map((s) => s.topic));
  for (const [topic, doc] of Object.entries(TOPICS) as [TopicName, TopicDoc][]) {
    const keyText = String(doc.key.description);
    messages[doc.id] = {
      name: doc.eventType,
      title: doc.eventType,
      summary: doc.description,
      contentType: 'application/json',
      headers: recordHeaders(
        doc.eventType,
        topic === Topics.AlertIssued
          ? 'The `alertId`'
          : topic === Topics.SeizureReported || topic === Topics.RouteReported
            ? "The report's `eventId` (a record whose header differs from its body's `eventId` is dead-lettered)"
            : 'A UUID identifying this record; consumers drop a record whose event-id they applied before',
      ),
      payload: { $ref: `${REF_PREFIX}${doc.payload}` },
      bindings: { kafka: { key: doc.key, bindingVersion: KAFKA_BINDING } },
    };
    if (topic === Topics.SeizureReported || topic === Topics.RouteReported)
      signedBy(messages[doc.id] as Schema);
    channels[doc.id] = {
      address: topic,
      title: topic,
      description: `${doc.description}\n\nKey: ${keyText}. Written by ${doc.writers}.`,
      messages: { [doc.id]: { $ref: `#/components/messages/${doc.id}` } },
      bindings: channelBinding(topic, TopicPartitions[topic], TopicConfigs[topic]),
    };
    operations[`send_${doc.id}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${doc.id}` },
      summary: `Written by ${doc.writers}`,
      messages: [{ $ref: `#/channels/${doc.id}/messages/${doc.id}` }],
    };
    for (const c of CONSUMERS.filter((c) => c.topics.includes(topic))) {
      operations[`receive_${doc.id}_${c.service.replace(/-/g, '_')}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${doc.id}` },
        summary: `Read by the ${c.service} service as consumer group \`${c.group}\``,
        messages: [{ $ref: `#/channels/${doc.id}/messages/${doc.id}` }],
        bindings: { kafka: { groupId: { type: 'string', const: c.group }, bindingVersion: KAFKA_BINDING } },
      };
    }
    const dlq = dlqTopicOf(topic);
    if (!withDlq.has(dlq)) continue;
    const dlqId = `${doc.id}Dlq`;
    messages[dlqId] = {
      name: `DeadLettered${doc.eventType}`,
      title: `Dead-lettered ${doc.eventType}`,
      summary: `A record of ${topic} its consumer could never process: the original key and value bytes (not necessarily valid JSON, nor a valid ${doc.eventType}), the original headers and the dlq-* headers.`,
      headers: dlqHeaders(),
      payload: { description: 'The original value bytes, unchanged' },
      bindings: {
        kafka: { key: { ...doc.key, description: 'The original key' }, bindingVersion: KAFKA_BINDING },
      },
    };
    channels[dlqId] = {
      address: dlq,
      title: dlq,
      description: `Dead letters of ${topic} (docs/contract.md#dead-letter-topics). A consumer never stops a partition for one record; the DLQ write is awaited. Replayed by the ops monitor (\`POST /v1/dlq/${dlq}/replay\`) back to ${topic}, dlq-* headers removed and \`${Headers.Replay}\` added, each at most once.`,
      messages: { [dlqId]: { $ref: `#/components/messages/${dlqId}` } },
      bindings: channelBinding(dlq, 1),
    };
    operations[`send_${dlqId}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${dlqId}` },
      summary: `Written by any consumer of ${topic} that cannot process a record`,
      messages: [{ $ref: `#/channels/${dlqId}/messages/${dlqId}` }],
    };
    operations[`receive_${dlqId}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${dlqId}` },
      summary:
        'Read by the ops monitor (short-lived groups `ops-monitor-reader-<uuid>` that commit nothing) to show and replay records',
      messages: [{ $ref: `#/channels/${dlqId}/messages/${dlqId}` }],
    };
  }
  const dangling = danglingRefs(messages, schemas);
  if (dangling.length > 0) throw new Error(`unresolved references: ${dangling.join(', ')}`);
  return {
    asyncapi: '3.1.0',
    info: {
      title: 'Border intel topics',
      version: '1',
      description:
        'Every Kafka topic of the system: what agency producers write and downstream consumers read. ' +
        'Generated by `npm run asyncapi` from libs/contracts; the prose is docs/contract.md#topics. ' +
        'Topic names carry their major version; every record carries `schema-version: 1` (docs/contract.md#versioning). ' +
        'An environment with KAFKA_TOPIC_PREFIX puts it before every topic name and consumer group id (docs/operating.md#topics-per-environment). ' +
        'Reports are strict (unknown fields go to the DLQ); the events between services tolerate fields they do not know.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description:
          'The local broker (`npm run kafka -- start`, KAFKA_BROKERS). Production brokers use TLS and SASL (deploy/README.md).',
      },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: Object.fromEntries(
        Object.keys(schemas)
          .sort()
          .map((n) => [n, schemas[n]]),
      ),
    },
  };
}

/** The document as it should read now. */
export async function asyncApiYaml(): Promise<string> {
  const header =
    '# Generated by `npm run asyncapi` (scripts/asyncapi.ts) from libs/contracts: do not edit.\n';
  return header + stringify(await asyncApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false });
}

runGenerator(module, async (argv) => {
  if (TOPIC_PREFIX !== '') {
    process.stderr.write(
      'run it without KAFKA_TOPIC_PREFIX: the document names the topics without a prefix\n',
    );
    return 1;
  }
  return writeGeneratedDocs(new Map([[ASYNCAPI_FILE, await asyncApiYaml()]]), argv, 'npm run asyncapi');
});
