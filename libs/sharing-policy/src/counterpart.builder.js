"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.liaisonContactOf = liaisonContactOf;
exports.buildCounterpart = buildCounterpart;
/** The liaison contact the directory lists for an agency, if any. */
function liaisonContactOf(policy, agencyId) {
    const contact = policy.agencies[agencyId]?.liaisonContact;
    return contact ? { ...contact } : undefined;
}
/** AlertIssued.counterpart for the owner's case: the case ref only with the reference permission, the contact only with liaisonContact. */
function buildCounterpart(policy, ownerAgencyId, ownerCaseRef, permissions) {
    const counterpart = { agencyId: ownerAgencyId };
    const name = policy.agencies[ownerAgencyId]?.name;
    if (name !== undefined)
        counterpart.agencyName = name;
    if (permissions.caseReference && ownerCaseRef !== undefined)
        counterpart.agencyCaseRef = ownerCaseRef;
    const contact = permissions.liaisonContact ? liaisonContactOf(policy, ownerAgencyId) : undefined;
    if (contact)
        counterpart.liaisonContact = contact;
    return counterpart;
}
//# sourceMappingURL=counterpart.builder.js.map