"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.APP_CONFIG = void 0;
/** DI token of the service's validated config object. */
exports.APP_CONFIG = Symbol('APP_CONFIG');
//# sourceMappingURL=tokens.js.map