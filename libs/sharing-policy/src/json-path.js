"use strict";
// JSON paths in the syntax the contract's problem bodies use (`persons[0].documents[1].number`).
Object.defineProperty(exports, "__esModule", { value: true });
exports.childPath = childPath;
exports.isWithin = isWithin;
exports.pathPattern = pathPattern;
exports.upToIndex = upToIndex;
/** Appends a property name or an array index to a path. */
function childPath(path, key) {
    if (typeof key === 'number')
        return `${path}[${key}]`;
    return path === '' ? key : `${path}.${key}`;
}
/** True when `path` is `ancestor` or lies inside it (`a.b[0]` is within `a.b`, `a.bc` is not). */
function isWithin(path, ancestor) {
    if (path === ancestor)
        return true;
    if (!path.startsWith(ancestor))
        return false;
    const next = path[ancestor.length];
    return next === '.' || next === '[';
}
/** The path with every array index blanked (`persons[2].phones[0]` → `persons[].phones[]`). */
function pathPattern(path) {
    return path.replace(/\[\d+\]/g, '[]');
}
/** The path cut after its `count`-th index (`persons[1].documents[0].number`, 2 → `persons[1].documents[0]`). */
function upToIndex(path, count) {
    const re = /\[\d+\]/g;
    let end = path.length;
    for (let seen = 0; seen < count; seen += 1) {
        const m = re.exec(path);
        if (!m)
            return path;
        end = m.index + m[0].length;
    }
    return path.slice(0, end);
}
//# sourceMappingURL=json-path.js.map