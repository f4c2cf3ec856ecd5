"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.containerCheckDigit = containerCheckDigit;
exports.normaliseContainer = normaliseContainer;
const digits_1 = require("./digits");
// ISO 6346: three-letter owner code, category U (freight container), J (detachable
// equipment) or Z (trailer/chassis), six-digit serial, one check digit.
const ISO_6346 = /^[A-Z]{3}[UJZ]\d{7}$/;
/** ISO 6346 letter value: A=10 upwards, skipping 11, 22 and 33 (multiples of 11). */
function letterValue(letter) {
    let value = 10;
    for (let c = 'A'.charCodeAt(0); c < letter.charCodeAt(0); c++) {
        value++;
        if (value % 11 === 0)
            value++;
    }
    return value;
}
/** Computes the ISO 6346 check digit of the first ten characters (owner, category, serial). */
function containerCheckDigit(firstTen) {
    let sum = 0;
    for (let i = 0; i < 10; i++) {
        const ch = firstTen[i];
        const value = /\d/.test(ch) ? Number(ch) : letterValue(ch);
        sum += value * 2 ** i;
    }
    // A remainder of 10 is written as 0 (owners avoid such serials, but they exist).
    return (sum % 11) % 10;
}
/** Normalises a container number to ISO 6346 `AAAU1234567`; null unless it has that shape; flags a bad check digit. */
function normaliseContainer(raw) {
    const value = (0, digits_1.toAsciiDigits)(raw.normalize('NFKC'))
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '');
    if (!ISO_6346.test(value))
        return null;
    const checkDigitValid = containerCheckDigit(value) === Number(value[10]);
    return { value, checkDigitValid, key: value };
}
//# sourceMappingURL=container.normaliser.js.map