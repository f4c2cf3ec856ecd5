// What `intelctl audit` needs of the ledger lib and Kafka, loaded only when an audit command runs
// (the libs pull in Nest, which the other commands and `--help` do not need).
import { topicPrefixFrom, topicsFor } from '@app/contracts';
import { createKafka, kafkaConnectionFromEnv } from '@app/kafka';
import { readCheckpointTopic, type PublishedCheckpoint } from '@app/ledger';

export {
  LedgerKeyring,
  LedgerSigner,
  listChains,
  publishedCheckpointOf,
  verifyLedger,
  type LedgerVerification,
  type PublishedCheckpoint,
} from '@app/ledger';

const SASL = ['scram-sha-256', 'scram-sha-512', 'plain'] as const;

/** Every record of the checkpoint topic, read with the Kafka settings of the environment (as the services read them). */
export async function readPublishedCheckpoints(
  env: Readonly<Record<string, string | undefined>>,
): Promise<PublishedCheckpoint[]> {
  const mechanism = env.KAFKA_SASL_MECHANISM as (typeof SASL)[number] | undefined;
  if (mechanism !== undefined && !SASL.includes(mechanism)) {
    throw new Error(`KAFKA_SASL_MECHANISM must be one of ${SASL.join(', ')}`);
  }
  const kafka = createKafka(
    kafkaConnectionFromEnv(
      {
        KAFKA_BROKERS: env.KAFKA_BROKERS?.trim() || '127.0.0.1:9092',
        KAFKA_SSL: env.KAFKA_SSL === 'true' ? 'true' : 'false',
        KAFKA_SASL_MECHANISM: mechanism,
        KAFKA_SASL_USERNAME: env.KAFKA_SASL_USERNAME,
        KAFKA_SASL_PASSWORD: env.KAFKA_SASL_PASSWORD,
      },
      'intelctl-audit',
    ),
  );
  return readCheckpointTopic(kafka, checkpointTopicOf(env));
}

/** The checkpoint topic of the environment's KAFKA_TOPIC_PREFIX (docs/operating.md#topics-per-environment). */
export function checkpointTopicOf(env: Readonly<Record<string, string | undefined>>): string {
  return topicsFor(topicPrefixFrom(env.KAFKA_TOPIC_PREFIX?.trim() || undefined)).LedgerCheckpoint;
}
