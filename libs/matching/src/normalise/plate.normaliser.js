"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.normalisePlate = normalisePlate;
const country_code_1 = require("./country-code");
const digits_1 = require("./digits");
// Values officers type when there is no plate; they would otherwise link every such case.
const PLACEHOLDERS = new Set([
    'UNKNOWN',
    'UNK',
    'NA',
    'NIL',
    'NONE',
    'NULL',
    'NK',
    'NOTKNOWN',
    'NOPLATE',
    'NOPLATES',
    'NONUMBER',
    'UNREGISTERED',
    'NONCUSTOMPAID',
    'NCP',
    'TBA',
    'TBC',
]);
/** Normalises a vehicle plate: separators stripped, upper case, ASCII digits; null for empty or placeholder values. */
function normalisePlate(raw, plateCountry) {
    const value = (0, digits_1.foldArabicScript)((0, digits_1.toAsciiDigits)(raw.normalize('NFKC')))
        .toUpperCase()
        // Separators (spaces, hyphens, dots, slashes, underscores) and any other punctuation or
        // diacritic carry no identity on a plate; only letters and digits do.
        .replace(/[^\p{L}\p{N}]/gu, '');
    if (value === '' || PLACEHOLDERS.has(value) || /^(0+|X+)$/.test(value))
        return null;
    const country = (0, country_code_1.normaliseCountryCode)(plateCountry);
    const hasLetter = /\p{L}/u.test(value);
    const digitCount = value.replace(/\D/g, '').length;
    // A bare number of up to four digits recurs across provinces and countries, and a plate
    // without its country can be any of several vehicles: both may support but never carry a link.
    const weak = country === undefined || (!hasLetter && digitCount <= 4);
    return { value, ...(country ? { country } : {}), key: `${country ?? '??'}:${value}`, weak };
}
//# sourceMappingURL=plate.normaliser.js.map