"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.normaliseCountryCode = normaliseCountryCode;
/** Returns an upper-case ISO 3166-1 alpha-2 code, or undefined when the input is not two letters. */
function normaliseCountryCode(code) {
    const trimmed = (code ?? '').trim().toUpperCase();
    return /^[A-Z]{2}$/.test(trimmed) ? trimmed : undefined;
}
//# sourceMappingURL=country-code.js.map