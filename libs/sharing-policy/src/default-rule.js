"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_RULE = void 0;
/**
 * The rule for pairs no policy rule names (and the file's `default` when it has none):
 * alert agencies of other countries, show only the identifiers that matched (the
 * recipient holds them already), persons by role and nationality, no narrative, and the
 * owner's liaison contact so the recipient knows whom to call.
 */
exports.DEFAULT_RULE = Object.freeze({
    alerts: true,
    identifiers: 'MATCHED_ONLY',
    persons: 'ROLE_ONLY',
    narrative: false,
    liaisonContact: true,
    minScore: 0,
    alertOnWeakLinks: false,
    sameCountryAlerts: false,
});
//# sourceMappingURL=default-rule.js.map