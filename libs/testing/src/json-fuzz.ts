// Helpers for seeded fuzz tests over JSON documents (mutate a valid document, compare verdicts).
export { mulberry32 as seededRandom } from './synthetic';

/** A JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** A deep copy. Not structuredClone: under jest its objects come from another realm (another Object.prototype). */
export const jsonClone = <T extends JsonValue>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Every path to a value in a JSON document, with the container and key that hold it. */
export function jsonSlots(
  root: JsonValue,
): { holder: JsonValue[] | Record<string, JsonValue>; key: string | number }[] {
  const out: { holder: JsonValue[] | Record<string, JsonValue>; key: string | number }[] = [];
  const walk = (node: JsonValue) => {
    if (Array.isArray(node))
      node.forEach((v, i) => {
        out.push({ holder: node, key: i });
        walk(v);
      });
    else if (node !== null && typeof node === 'object')
      for (const k of Object.keys(node)) {
        out.push({ holder: node, key: k });
        walk(node[k]);
      }
  };
  walk(root);
  return out;
}
