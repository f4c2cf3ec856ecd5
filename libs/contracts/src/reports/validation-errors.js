"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROOT_PATH = void 0;
exports.joinPath = joinPath;
exports.flattenValidationErrors = flattenValidationErrors;
const report_field_decorators_1 = require("./report-field.decorators");
/** Path of an error that concerns the whole document rather than one field. */
exports.ROOT_PATH = '$';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// class-validator's own messages for the few built-in constraints the DTOs rely on,
// rephrased to read well after a path.
const BUILT_IN_MESSAGES = {
    whitelistValidation: 'is not an allowed field',
    nestedValidation: 'must be an object',
    unknownValue: 'must be an object',
};
/**
 * Appends one segment to a JSON path: `[3]` for an array index, `.name` for a property
 * (no leading dot at the root), `["odd key"]` for a key that is not an identifier.
 */
function joinPath(parent, key, parentIsArray) {
    if (parentIsArray && /^\d+$/.test(key))
        return `${parent}[${key}]`;
    if (IDENTIFIER.test(key))
        return parent === '' ? key : `${parent}.${key}`;
    return `${parent}[${JSON.stringify(key)}]`;
}
/**
 * Flattens class-validator's error tree into `{ path, message }` pairs, one per bad
 * field (the first failing rule of each): `commodities[0].quantity`,
 * `persons[2].documents[0].number`. Unknown fields come first, then fields in DTO order,
 * a field's own problem before those of its items. Root-level problems get path `$`. When a value has the wrong shape (an array where an
 * object belongs), nothing is reported beneath it: those would be noise.
 */
function flattenValidationErrors(errors) {
    const out = [];
    const seen = new Set();
    const blocked = new Set();
    const push = (path, message) => {
        const p = path === '' ? exports.ROOT_PATH : path;
        if (seen.has(p))
            return;
        seen.add(p);
        out.push({ path: p, message });
    };
    const walk = (nodes, parentPath, parentValue) => {
        for (const node of nodes) {
            const path = node.property === undefined
                ? parentPath
                : joinPath(parentPath, node.property, Array.isArray(parentValue));
            if (blocked.has(path))
                continue;
            const constraints = node.constraints ?? {};
            const first = Object.keys(constraints)[0];
            if (first !== undefined) {
                const check = node.contexts?.[first]?.[report_field_decorators_1.RULE_CONTEXT_KEY];
                const problems = typeof check === 'function'
                    ? check(node.value, (node.target ?? {}))
                    : [];
                if (problems.length === 0) {
                    push(path, BUILT_IN_MESSAGES[first] ?? constraints[first]);
                    if (first in BUILT_IN_MESSAGES)
                        blocked.add(path);
                }
                for (const problem of problems) {
                    push(path + problem.at, problem.message);
                    if (problem.shape)
                        blocked.add(path + problem.at);
                }
            }
            if (!blocked.has(path) && node.children && node.children.length > 0)
                walk(node.children, path, node.value);
        }
    };
    walk(errors, '', undefined);
    return out;
}
//# sourceMappingURL=validation-errors.js.map