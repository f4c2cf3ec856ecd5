// Binds a Kafka report record to the agency that produced it (docs/security.md#records-bound-to-their-producer). Pure.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { hashSecret, parseApiKey, type Principal } from './api-key';

/** Header naming the publisher key that signed the record. */
export const PRODUCER_KEY_HEADER = 'producer-key';
/** Header carrying the record's MAC (base64url). */
export const PRODUCER_MAC_HEADER = 'producer-mac';

const CONTEXT = 'border-intel record v1';

/** The MAC of one record under a key's stored secret hash (hex). */
export function recordMac(
  secretHash: string,
  topic: string,
  key: string | null,
  value: Buffer | string | null,
): string {
  const mac = createHmac('sha256', Buffer.from(secretHash, 'hex'));
  mac.update(`${CONTEXT}\n${topic}\n${key ?? ''}\n`);
  if (value !== null) mac.update(value);
  return mac.digest('base64url');
}

/** The producer headers for a record, from a key id and its stored secret hash (the gateway's relay path). */
export function producerHeadersFromHash(
  keyId: string,
  secretHash: string,
  topic: string,
  key: string | null,
  value: Buffer | string | null,
): Record<string, string> {
  return { [PRODUCER_KEY_HEADER]: keyId, [PRODUCER_MAC_HEADER]: recordMac(secretHash, topic, key, value) };
}

/** A publisher key as the gateway signs with it: its id and stored secret hash. */
export interface SigningKey {
  keyId: string;
  secretHash: string;
}

/** The signing key of a presented API key (the one that authenticated a request), or null when it is not one. */
export function signingKeyOf(apiKey: string): SigningKey | null {
  const parsed = parseApiKey(apiKey);
  return parsed ? { keyId: parsed.keyId, secretHash: hashSecret(parsed.secret) } : null;
}

/** The producer headers an agency system adds to a record it produces directly, from its publisher API key. */
export function producerHeaders(
  apiKey: string,
  topic: string,
  key: string | null,
  value: Buffer | string | null,
): Record<string, string> {
  const parsed = parseApiKey(apiKey);
  if (!parsed) throw new Error('not an API key (bik_<keyId>_<secret>)');
  return producerHeadersFromHash(parsed.keyId, hashSecret(parsed.secret), topic, key, value);
}

/** What the consumer knows of a key: its scope and stored hash, or null when there is no such key. */
export interface StoredKey {
  principal: Principal;
  secretHash: string;
  revoked: boolean;
}

/** One record as the consumer sees it, with the agency its value claims. */
export interface ProducedRecord {
  topic: string;
  key: string | null;
  value: Buffer | string | null;
  headers: Readonly<Record<string, string>>;
  claimedAgencyId: string;
}

/** Why a record is refused, or null when its producer is the agency it claims. */
export function producerProblem(record: ProducedRecord, stored: StoredKey | null): string | null {
  const keyId = record.headers[PRODUCER_KEY_HEADER];
  const mac = record.headers[PRODUCER_MAC_HEADER];
  if (!keyId || !mac) {
    return `unsigned record: the ${PRODUCER_KEY_HEADER} and ${PRODUCER_MAC_HEADER} headers are required (docs/contract.md#publishing-directly-to-kafka)`;
  }
  if (!stored) return `producer key ${keyId} is unknown`;
  if (stored.revoked) return `producer key ${keyId} is revoked`;
  if (stored.principal.role !== 'publisher') {
    return `producer key ${keyId} has role ${stored.principal.role}; only publisher keys may produce reports`;
  }
  const expected = Buffer.from(recordMac(stored.secretHash, record.topic, record.key, record.value));
  const presented = Buffer.from(mac);
  if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) {
    return `${PRODUCER_MAC_HEADER} does not match the record (altered, moved to another topic or key, or signed with another key)`;
  }
  if (stored.principal.agencyId !== record.claimedAgencyId) {
    return `record claims agency ${record.claimedAgencyId} but is signed by a key of ${stored.principal.agencyId}`;
  }
  return null;
}
