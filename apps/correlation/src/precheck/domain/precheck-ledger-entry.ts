import type { DisclosedField, LedgerEntryData } from '@app/ledger';
import type { PrecheckResponse } from '../dto/precheck-response';

/** What the owner side of one disclosed hit adds to the record: whose case, and the value it holds. */
export interface HitOwnerSide {
  agencyCaseId: string;
  /** The matched value as the owner's case holds it (e.g. `container MSCU1234565`). */
  matched: string;
}

/**
 * The disclosure ledger entry of a pre-check answer (docs/ledger.md, kind PRECHECK_HIT): who
 * checked, and per hit shown what it told them (that the owner's case holds the value, the kind
 * of identifier, the owner, the cluster id and the protected-person flag when shown). Null for an
 * answer without hits: a CLEAR discloses nothing. `owners` is keyed by hitId; an answer given
 * again to a retried checkId records what the stored answer says.
 */
export function precheckLedgerEntry(
  checkerAgencyId: string,
  response: PrecheckResponse,
  at: Date,
  owners: ReadonlyMap<string, HitOwnerSide> = new Map(),
): LedgerEntryData | null {
  if (response.hits.length === 0) return null;
  return {
    recordedAt: at.toISOString(),
    recipient: { type: 'AGENCY', id: checkerAgencyId },
    kind: 'PRECHECK_HIT',
    subjectId: response.checkId,
    channels: ['API'],
    disclosed: response.hits.map((h) => {
      const owner = owners.get(h.hitId);
      const fields: DisclosedField[] = [
        { path: 'feature', value: h.feature },
        { path: 'counterpart.agencyId', value: h.counterpart.agencyId },
      ];
      if (owner) fields.push({ path: 'matched', value: owner.matched });
      if (h.clusterId) fields.push({ path: 'clusterId', value: h.clusterId });
      if (h.protectedPerson) fields.push({ path: 'protectedPerson', value: true });
      return { source: 'precheck-hit', id: owner ? `${h.hitId}@${owner.agencyCaseId}` : h.hitId, fields };
    }),
  };
}
