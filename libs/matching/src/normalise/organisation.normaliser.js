"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.normaliseOrganisation = normaliseOrganisation;
const digits_1 = require("./digits");
// Legal-form words: the same firm is registered as `Pvt Ltd`, invoiced as `Co.` and named
// bare in a report. `Trading` goes with them because `Trading Co` is a form of address, not
// a name; descriptive words that tell firms apart (`Traders`, `Enterprises`, `& Sons`) stay.
const LEGAL_SUFFIXES = new Set([
    'PVT',
    'PRIVATE',
    'PTE',
    'LTD',
    'LIMITED',
    'CO',
    'COMPANY',
    'LLC',
    'LLP',
    'PLC',
    'INC',
    'INCORPORATED',
    'CORP',
    'CORPORATION',
    'SMC',
    'FZE',
    'FZCO',
    'FZC',
    'FZ',
    'EST',
    'ESTABLISHMENT',
    'TRADING',
]);
// Common abbreviations written both ways on the same letterhead.
const WORD_VARIANTS = {
    BROS: 'BROTHERS',
    BRO: 'BROTHERS',
    INTL: 'INTERNATIONAL',
    INTERNATL: 'INTERNATIONAL',
    ENT: 'ENTERPRISES',
    ENTERPRISE: 'ENTERPRISES',
};
// `M/s` (Messrs) and `The` open Pakistani and British-style firm names without being part of them.
const LEADING_NOISE = new Set(['MESSRS', 'THE']);
const PLACEHOLDERS = new Set(['UNKNOWN', 'UNK', 'NA', 'NIL', 'NONE', 'NULL', 'NK', 'NOTKNOWN']);
/** Normalises an organisation name: case, punctuation, `&` → AND, `M/s`, and trailing legal suffixes removed repeatedly. */
function normaliseOrganisation(raw) {
    const display = raw.trim().replace(/\s+/g, ' ');
    const words = (0, digits_1.foldArabicScript)((0, digits_1.toAsciiDigits)(raw))
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toUpperCase()
        .replace(/&/g, ' AND ')
        .replace(/^\s*M\s*\/\s*S\b\.?/, ' MESSRS ')
        .replace(/['`´‘’]/g, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
        .split(' ')
        .filter((w) => w !== '')
        .map((w) => WORD_VARIANTS[w] ?? w);
    if (words.length === 0 || PLACEHOLDERS.has(words.join('')))
        return null;
    while (words.length > 1 && LEADING_NOISE.has(words[0]))
        words.shift();
    // Never strip the last word: `Trading Company` alone is still a name.
    while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]))
        words.pop();
    return { key: words.join(' '), display };
}
//# sourceMappingURL=organisation.normaliser.js.map