"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EnvDoc = EnvDoc;
exports.envDocs = envDocs;
const DOCS = new WeakMap();
/**
 * Documents an environment variable of a validated config class: what it does, for the
 * configuration reference that `npm run config:reference` generates from these classes.
 */
function EnvDoc(description, options = {}) {
    return (prototype, property) => {
        if (typeof property !== 'string')
            throw new TypeError('EnvDoc documents named properties only');
        let docs = DOCS.get(prototype);
        if (!docs)
            DOCS.set(prototype, (docs = new Map()));
        docs.set(property, { description: description.replace(/\s+/g, ' ').trim(), ...options });
    };
}
/** The documentation of every variable of a config class, its base classes' included. */
function envDocs(cls) {
    const chain = [];
    for (let p = cls.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
        chain.unshift(p);
    }
    const all = new Map();
    for (const p of chain)
        for (const [name, doc] of DOCS.get(p) ?? [])
            all.set(name, doc);
    return all;
}
//# sourceMappingURL=env-doc.js.map