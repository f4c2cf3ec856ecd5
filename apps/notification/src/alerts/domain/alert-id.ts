import { createHash } from 'node:crypto';

/**
 * The alert id of one recipient for one link: a name-based UUID (version 5 layout over
 * SHA-256), so a redelivered link always names the same alert and the primary key refuses a second.
 */
export function alertIdOf(linkId: string, recipientAgencyId: string): string {
  const bytes = createHash('sha256').update(`alert:${linkId}:${recipientAgencyId}`, 'utf8').digest();
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
