import type { ValidationError } from 'class-validator';
import { MAX_LISTED_ERRORS, type FieldError } from '../problem/problem';
import { RULE_CONTEXT_KEY, type RuleCheck } from './report-field.decorators';

/** Path of an error that concerns the whole document rather than one field. */
export const ROOT_PATH = '$';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

// class-validator's own messages for the few built-in constraints the DTOs rely on,
// rephrased to read well after a path.
const BUILT_IN_MESSAGES: Record<string, string> = {
  whitelistValidation: 'is not an allowed field',
  nestedValidation: 'must be an object',
  unknownValue: 'must be an object',
};

/**
 * Appends one segment to a JSON path: `[3]` for an array index, `.name` for a property
 * (no leading dot at the root), `["odd key"]` for a key that is not an identifier.
 */
export function joinPath(parent: string, key: string, parentIsArray: boolean): string {
  if (parentIsArray && /^\d+$/.test(key)) return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Flattens class-validator's error tree into `{ path, message }` pairs, one per bad
 * field (the first failing rule of each): `commodities[0].quantity`,
 * `persons[2].documents[0].number`. Unknown fields come first, then fields in DTO order,
 * a field's own problem before those of its items. Root-level problems get path `$`. When a value has the wrong shape (an array where an
 * object belongs), nothing is reported beneath it: those would be noise. It stops after `limit`
 * problems (one more than a problem lists, so the answer can say there were more).
 */
export function flattenValidationErrors(
  errors: ValidationError[],
  limit = MAX_LISTED_ERRORS + 1,
): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  const blocked = new Set<string>();
  const push = (path: string, message: string): void => {
    const p = path === '' ? ROOT_PATH : path;
    if (seen.has(p) || out.length >= limit) return;
    seen.add(p);
    out.push({ path: p, message });
  };

  const walk = (nodes: ValidationError[], parentPath: string, parentValue: unknown): void => {
    for (const node of nodes) {
      if (out.length >= limit) return;
      const path =
        node.property === undefined
          ? parentPath
          : joinPath(parentPath, node.property, Array.isArray(parentValue));
      if (blocked.has(path)) continue;
      const constraints = node.constraints ?? {};
      const first = Object.keys(constraints)[0];
      if (first !== undefined) {
        const check = (node.contexts?.[first] as Record<string, unknown> | undefined)?.[RULE_CONTEXT_KEY];
        const problems =
          typeof check === 'function'
            ? (check as RuleCheck)(node.value, (node.target ?? {}) as Record<string, unknown>)
            : [];
        if (problems.length === 0) {
          push(path, BUILT_IN_MESSAGES[first] ?? constraints[first]);
          if (first in BUILT_IN_MESSAGES) blocked.add(path);
        }
        for (const problem of problems) {
          push(path + problem.at, problem.message);
          if (problem.shape) blocked.add(path + problem.at);
        }
      }
      if (!blocked.has(path) && node.children && node.children.length > 0)
        walk(node.children, path, node.value);
    }
  };

  walk(errors, '', undefined);
  return out;
}
