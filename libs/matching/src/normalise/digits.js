"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toAsciiDigits = toAsciiDigits;
exports.foldArabicScript = foldArabicScript;
// Agencies on both sides of the border type numbers with Arabic-Indic (U+0660-0669) or
// Persian/Extended Arabic-Indic (U+06F0-06F9) digits, and forms pasted from East Asian
// systems carry full-width digits (U+FF10-FF19); all must compare equal to ASCII.
const DIGIT_BLOCKS = [0x0660, 0x06f0, 0xff10];
/** Converts Arabic-Indic, Persian and full-width digits to ASCII 0-9, leaving every other character as is. */
function toAsciiDigits(text) {
    let out = '';
    for (const ch of text) {
        const code = ch.codePointAt(0);
        const block = DIGIT_BLOCKS.find((start) => code >= start && code <= start + 9);
        out += block === undefined ? ch : String.fromCharCode(0x30 + code - block);
    }
    return out;
}
/** Folds the Arabic and Persian spellings of the same letter (ك/ک, ي/ی/ى, ة/ه) so either keyboard gives one value. */
function foldArabicScript(text) {
    // Afghan (Dari/Pashto) keyboards produce Keheh and Farsi Yeh, Arabic keyboards Kaf and Yeh:
    // the same printed name or plate must not split into two keys.
    return text
        .replace(/\u0643/g, '\u06a9')
        .replace(/[\u064a\u0649]/g, '\u06cc')
        .replace(/\u0629/g, '\u0647')
        .replace(/\u0640/g, '');
}
//# sourceMappingURL=digits.js.map