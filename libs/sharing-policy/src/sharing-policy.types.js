"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PERSON_SHARING_LEVELS = exports.IDENTIFIER_SHARING_LEVELS = void 0;
/** How much of the owner's identifiers a counterpart may see, weakest first. */
exports.IDENTIFIER_SHARING_LEVELS = ['NONE', 'MATCHED_ONLY', 'ALL'];
/** How much of the owner's persons a counterpart may see, weakest first. */
exports.PERSON_SHARING_LEVELS = ['NONE', 'ROLE_ONLY', 'FULL'];
//# sourceMappingURL=sharing-policy.types.js.map