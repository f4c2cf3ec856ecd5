// The `counterpart` of an AlertIssued (docs/contract.md#http-apis): whose case matched and whom to call.
import type { Counterpart, LiaisonContact, Permissions, SharingPolicy } from './sharing-policy.types';

/** The liaison contact the directory lists for an agency, if any. */
export function liaisonContactOf(policy: SharingPolicy, agencyId: string): LiaisonContact | undefined {
  const contact = policy.agencies[agencyId]?.liaisonContact;
  return contact ? { ...contact } : undefined;
}

/** AlertIssued.counterpart for the owner's case: the case ref only with the reference permission, the contact only with liaisonContact. */
export function buildCounterpart(
  policy: SharingPolicy,
  ownerAgencyId: string,
  ownerCaseRef: string | undefined,
  permissions: Pick<Permissions, 'caseReference' | 'liaisonContact'>,
): Counterpart {
  const counterpart: Counterpart = { agencyId: ownerAgencyId };
  const name = policy.agencies[ownerAgencyId]?.name;
  if (name !== undefined) counterpart.agencyName = name;
  if (permissions.caseReference && ownerCaseRef !== undefined) counterpart.agencyCaseRef = ownerCaseRef;
  const contact = permissions.liaisonContact ? liaisonContactOf(policy, ownerAgencyId) : undefined;
  if (contact) counterpart.liaisonContact = contact;
  return counterpart;
}
