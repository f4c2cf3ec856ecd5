import { KafkaOptions, Transport } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import type { KafkaConnectionConfig } from '../core/kafka-client';

/**
 * How much a fetch waits for (Kafka's fetch.min.bytes and fetch.max.wait.ms): the broker answers
 * once `minBytes` of records are there or `maxWaitMs` has passed. Fewer, larger batches cost less
 * CPU per record; each record may wait up to `maxWaitMs` longer (docs/operating.md#fetch-batching).
 */
export interface KafkaFetchSettings {
  minBytes: number;
  maxWaitMs: number;
}

/**
 * Options of a service's Kafka consumer (Nest microservice). The group id is used
 * exactly as given (no `-server` suffix); new groups start at the earliest offset so
 * nothing published before the first start is missed. Offsets are auto-committed by
 * kafkajs only after the handler resolved, i.e. after the database transaction.
 */
export function kafkaConsumerOptions(
  connection: KafkaConnectionConfig,
  groupId: string,
  opts: {
    partitionsConsumedConcurrently?: number;
    sessionTimeoutMs?: number;
    fetch?: KafkaFetchSettings;
  } = {},
): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: {
        clientId: `${connection.clientId}-consumer`,
        brokers: connection.brokers,
        ssl: connection.ssl,
        sasl: connection.sasl as never,
        connectionTimeout: 3000,
        retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10000 },
      },
      consumer: {
        groupId,
        allowAutoTopicCreation: false,
        sessionTimeout: opts.sessionTimeoutMs ?? 30000,
        heartbeatInterval: 3000,
        ...(opts.fetch ? { minBytes: opts.fetch.minBytes, maxWaitTimeInMs: opts.fetch.maxWaitMs } : {}),
        retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10000 },
      },
      // Nest's transport keeps a producer of its own; the partitioner is named so kafkajs does not warn.
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
      subscribe: { fromBeginning: true },
      run: { autoCommit: true, partitionsConsumedConcurrently: opts.partitionsConsumedConcurrently ?? 1 },
      parser: { keepBinary: true },
      producerOnlyMode: false,
    },
  };
}
