"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.redactReportForRecipient = redactReportForRecipient;
// Redacts one owner's report for one recipient. Every leaf value of the report is judged
// on its own (protected person? catalogued? allowed by the capped permissions? allowed by
// the rule alone?), then the allowed leaves are reassembled into `shared`, and withheld
// subtrees with a single reason are reported once at their root for the audit record.
const contracts_1 = require("../../contracts/src");
const json_path_1 = require("./json-path");
const report_field_catalogue_1 = require("./report-field.catalogue");
const tlp_permissions_1 = require("./tlp.permissions");
function identifierAllowed(level, matched) {
    switch (level) {
        case 'ALL':
            return true;
        case 'MATCHED_ONLY':
            return matched();
        case 'NONE':
            return false;
    }
}
function allows(spec, grants, matched) {
    if (!spec)
        return false;
    switch (spec.group) {
        case 'ALWAYS':
            return true;
        case 'REFERENCE':
            return grants.caseReference;
        case 'FACT':
            return grants.caseFacts;
        case 'NARRATIVE':
            return grants.narrative;
        case 'IDENTIFIER':
            return identifierAllowed(grants.identifiers, matched);
        case 'PERSON_ROLE':
            return grants.persons !== 'NONE';
        case 'PERSON_DETAIL':
            return grants.persons === 'FULL';
        case 'PERSON_IDENTIFIER':
            return grants.persons === 'FULL' && identifierAllowed(grants.identifiers, matched);
    }
}
function readPath(root, dotted) {
    return dotted.split('.').reduce((node, key) => {
        return typeof node === 'object' && node !== null ? node[key] : undefined;
    }, root);
}
/** Paths of the persons that must never leave the owner: protected roles, and (fail closed) unknown roles. */
function protectedPersonPaths(report, kind) {
    return report_field_catalogue_1.PERSON_LISTS[kind].flatMap((list) => {
        const persons = readPath(report, list);
        if (!Array.isArray(persons))
            return [];
        return persons.flatMap((person, index) => {
            const role = typeof person === 'object' && person !== null ? person.role : undefined;
            const known = contracts_1.PERSON_ROLES.includes(role);
            return !known || (0, contracts_1.isProtectedRole)(role) ? [(0, json_path_1.childPath)(list, index)] : [];
        });
    });
}
function walk(node, path, judge, disclosed) {
    if (typeof node !== 'object' || node === null) {
        const verdict = judge(path);
        if (verdict === 'DISCLOSED')
            disclosed.push(path);
        return {
            value: verdict === 'DISCLOSED' ? node : undefined,
            verdicts: new Set([verdict]),
            withheld: verdict === 'DISCLOSED' ? [] : [{ path, reason: verdict }],
        };
    }
    const entries = Array.isArray(node)
        ? node.map((item, index) => [index, item])
        : Object.entries(node).filter(([, value]) => value !== undefined);
    const children = entries.map(([key, value]) => ({
        key,
        ...walk(value, (0, json_path_1.childPath)(path, key), judge, disclosed),
    }));
    const verdicts = new Set(children.flatMap((child) => [...child.verdicts]));
    const [only] = verdicts;
    const withheld = verdicts.size === 1 && only !== 'DISCLOSED' && path !== '' && judge.collapses(path, only)
        ? [{ path, reason: only }]
        : children.flatMap((child) => child.withheld);
    const kept = children.filter((child) => child.value !== undefined);
    let value;
    if (kept.length > 0) {
        // Arrays are compacted: a recipient must not learn how many items were kept back.
        value = Array.isArray(node)
            ? kept.map((child) => child.value)
            : Object.fromEntries(kept.map((child) => [child.key, child.value]));
    }
    return { value, verdicts, withheld };
}
/**
 * The part of an owner's report a recipient may see. `matchedPaths` are the JSON paths of
 * the owner's identifiers that matched (`conveyances[0].plate`, `persons[1].phones[0]`);
 * MATCHED_ONLY discloses exactly those. Persons of protected roles are never disclosed.
 * The report's own TLP caps `permissions` again, so a wrong caller cannot loosen it.
 */
function redactReportForRecipient(report, kind, permissions, matchedPaths) {
    const capped = (0, tlp_permissions_1.capPermissions)(permissions, report.classification?.tlp);
    const fields = report_field_catalogue_1.REPORT_FIELDS[kind];
    const protectedPaths = protectedPersonPaths(report, kind);
    const inProtected = (path) => protectedPaths.some((base) => (0, json_path_1.isWithin)(path, base));
    const judge = Object.assign((path) => {
        if (inProtected(path))
            return 'PROTECTED_PERSON';
        const spec = fields.get((0, json_path_1.pathPattern)(path));
        const matched = () => {
            const unit = spec?.unit?.(path);
            return unit !== undefined && matchedPaths.some((m) => (0, json_path_1.isWithin)(m, unit));
        };
        if (allows(spec, capped, matched))
            return 'DISCLOSED';
        return allows(spec, capped.policy, matched) ? 'TLP' : 'POLICY';
    }, {
        // Protected persons are reported one by one (`persons[1]`), never as a whole list.
        collapses: (path, verdict) => verdict !== 'PROTECTED_PERSON' || inProtected(path),
    });
    const disclosedFields = [];
    const walked = walk(report, '', judge, disclosedFields);
    return {
        shared: (walked.value ?? {}),
        disclosedFields,
        withheld: walked.withheld,
        protectedPersonMatched: matchedPaths.some((m) => protectedPaths.some((base) => (0, json_path_1.isWithin)(m, base))),
    };
}
//# sourceMappingURL=report.redactor.js.map