"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TLP_CAPS = void 0;
exports.tlpOrRed = tlpOrRed;
exports.capPermissions = capPermissions;
exports.effectivePermissions = effectivePermissions;
// TLP 2.0 caps what a rule allows: the effective permission is the weaker of the two.
// RED: only that a match exists and whom to contact; not even the owner's case reference,
// because the recipient can quote the clusterId / linkId of its own alert when it calls the
// owner's liaison office, and the owner resolves that to its case. AMBER+STRICT: the
// recipient agency alone; AMBER: the recipient agency and those who need to know in it;
// GREEN / CLEAR: as the policy allows.
const contracts_1 = require("../../contracts/src");
const sharing_policy_types_1 = require("./sharing-policy.types");
const UNCAPPED = {
    identifiers: 'ALL',
    persons: 'FULL',
    narrative: true,
    liaisonContact: true,
    caseFacts: true,
    caseReference: true,
};
/** The most each TLP level lets a counterpart see, and whether it may pass it on. */
exports.TLP_CAPS = {
    RED: {
        identifiers: 'NONE',
        persons: 'NONE',
        narrative: false,
        liaisonContact: true,
        caseFacts: false,
        caseReference: false,
        onwardSharing: false,
        audience: 'INDIVIDUAL_RECIPIENTS',
    },
    'AMBER+STRICT': { ...UNCAPPED, onwardSharing: false, audience: 'RECIPIENT_AGENCY' },
    AMBER: { ...UNCAPPED, onwardSharing: true, audience: 'RECIPIENT_AGENCY_NEED_TO_KNOW' },
    GREEN: { ...UNCAPPED, onwardSharing: true, audience: 'COMMUNITY' },
    CLEAR: { ...UNCAPPED, onwardSharing: true, audience: 'UNRESTRICTED' },
};
/** The TLP level to apply: an unknown or missing marking is treated as RED (fail closed). */
function tlpOrRed(tlp) {
    return contracts_1.TLP_LEVELS.includes(tlp) ? tlp : 'RED';
}
function weaker(order, a, b) {
    return order[Math.min(order.indexOf(a), order.indexOf(b))];
}
function capGrants(grants, cap) {
    return {
        identifiers: weaker(sharing_policy_types_1.IDENTIFIER_SHARING_LEVELS, grants.identifiers, cap.identifiers),
        persons: weaker(sharing_policy_types_1.PERSON_SHARING_LEVELS, grants.persons, cap.persons),
        narrative: grants.narrative && cap.narrative,
        liaisonContact: grants.liaisonContact && cap.liaisonContact,
        caseFacts: grants.caseFacts && cap.caseFacts,
        caseReference: grants.caseReference && cap.caseReference,
    };
}
/** Caps permissions again by a (possibly stricter) TLP level; capping twice by the same level changes nothing. */
function capPermissions(permissions, tlp) {
    const level = tlpOrRed(tlp);
    const stricter = contracts_1.TLP_LEVELS.indexOf(level) > contracts_1.TLP_LEVELS.indexOf(permissions.tlp) ? level : permissions.tlp;
    const cap = exports.TLP_CAPS[stricter];
    return {
        ...capGrants(permissions, cap),
        tlp: stricter,
        onwardSharing: permissions.onwardSharing && cap.onwardSharing,
        audience: exports.TLP_CAPS[stricter].audience,
        policy: permissions.policy,
    };
}
/** What a recipient may see of a report marked `tlp` under `rule`: min(rule, TLP cap). */
function effectivePermissions(rule, tlp) {
    const policy = {
        identifiers: rule.identifiers,
        persons: rule.persons,
        narrative: rule.narrative,
        liaisonContact: rule.liaisonContact,
        caseFacts: true,
        caseReference: true,
    };
    const level = tlpOrRed(tlp);
    const cap = exports.TLP_CAPS[level];
    return {
        ...capGrants(policy, cap),
        tlp: level,
        onwardSharing: cap.onwardSharing,
        audience: cap.audience,
        policy,
    };
}
//# sourceMappingURL=tlp.permissions.js.map