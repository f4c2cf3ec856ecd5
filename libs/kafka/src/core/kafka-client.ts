import { Kafka, KafkaConfig, logLevel, LogEntry, SASLOptions } from 'kafkajs';
import { stopIdleRequestQueueLoop } from './kafkajs-idle-loop';

stopIdleRequestQueueLoop();

/** Connection settings shared by every client of a service (TLS and SASL/SCRAM optional). */
export interface KafkaConnectionConfig {
  brokers: string[];
  clientId: string;
  ssl?: boolean;
  sasl?: { mechanism: 'scram-sha-256' | 'scram-sha-512' | 'plain'; username: string; password: string };
}

export type KafkaLogFn = (
  level: 'error' | 'warn' | 'info' | 'debug',
  message: string,
  extra: Record<string, unknown>,
) => void;

/** Builds the kafkajs client; kafkajs' own logs go through `log` as structured lines. */
export function createKafka(config: KafkaConnectionConfig, log?: KafkaLogFn): Kafka {
  const options: KafkaConfig = {
    clientId: config.clientId,
    brokers: config.brokers,
    ssl: config.ssl,
    sasl: config.sasl as SASLOptions | undefined,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 10000 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      if (!log) return;
      const { message, ...extra } = entry.log;
      const level =
        entry.level === logLevel.ERROR
          ? 'error'
          : entry.level === logLevel.WARN
            ? 'warn'
            : entry.level === logLevel.INFO
              ? 'info'
              : 'debug';
      log(level, `[kafkajs:${entry.namespace}] ${message}`, extra);
    },
  };
  return new Kafka(options);
}

/** Reads the connection settings from the validated common env. */
export function kafkaConnectionFromEnv(
  env: {
    KAFKA_BROKERS: string;
    KAFKA_SSL?: 'true' | 'false';
    KAFKA_SASL_MECHANISM?: 'scram-sha-256' | 'scram-sha-512' | 'plain';
    KAFKA_SASL_USERNAME?: string;
    KAFKA_SASL_PASSWORD?: string;
  },
  clientId: string,
): KafkaConnectionConfig {
  return {
    brokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()),
    clientId,
    ssl: env.KAFKA_SSL === 'true',
    sasl: env.KAFKA_SASL_MECHANISM
      ? {
          mechanism: env.KAFKA_SASL_MECHANISM,
          username: env.KAFKA_SASL_USERNAME ?? '',
          password: env.KAFKA_SASL_PASSWORD ?? '',
        }
      : undefined,
  };
}
