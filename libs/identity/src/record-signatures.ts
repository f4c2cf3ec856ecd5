// RECORD_SIGNATURES, and the check every consumer of the report topics runs with it
// (docs/security.md#records-bound-to-their-producer).
import { IsIn, IsOptional } from 'class-validator';
import { EnvDoc } from '@app/config';
import type { ProducerCheckMode, RecordProducerVerifier } from './record-producer.verifier';

/** The environment RECORD_SIGNATURES is read from. */
export interface RecordSignaturesEnv {
  RUN_MODE: 'production' | 'development';
  RECORD_SIGNATURES?: ProducerCheckMode;
}

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => decorators.forEach((d) => d(target, property));
}

/** `RECORD_SIGNATURES` of a service that consumes the report topics. */
export function RecordSignaturesVariable(): PropertyDecorator {
  return all(
    EnvDoc(
      'How report records are checked against the agency they claim (docs/security.md#records-bound-to-their-producer): ' +
        '`required`: a record must be signed (`producer-key`, `producer-mac`) by a publisher key of the agency it ' +
        'names, or it goes to the DLQ with the reason; `if-signed`: unsigned records pass, signed ones are ' +
        'checked. Unset: `required` when RUN_MODE is production, `if-signed` in a development run.',
    ),
    IsOptional(),
    IsIn(['required', 'if-signed'], { message: 'must be required or if-signed' }),
  );
}

/** RECORD_SIGNATURES, or its default: required in production, if-signed in a development run. */
export function recordSignatureMode(env: Partial<RecordSignaturesEnv>): ProducerCheckMode {
  return env.RECORD_SIGNATURES ?? (env.RUN_MODE === 'development' ? 'if-signed' : 'required');
}

/** A report record as a consumer hands it to the check. */
interface ConsumedRecord {
  topic: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: Readonly<Record<string, string>>;
}

/**
 * The check of a valid report record against its producer, for KafkaRecordProcessor.processBatch:
 * why it is refused, or null.
 */
export function reportProducerCheck(
  verifier: RecordProducerVerifier,
): (record: ConsumedRecord, report: { agencyId: string }) => Promise<string | null> {
  return (record, report) =>
    verifier.problem({
      topic: record.topic,
      key: record.key === null ? null : record.key.toString(),
      value: record.value,
      headers: record.headers,
      claimedAgencyId: report.agencyId,
    });
}
