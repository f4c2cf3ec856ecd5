"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigError = void 0;
/** Thrown at boot when the environment is missing or has a bad variable; names every one. */
class ConfigError extends Error {
    service;
    problems;
    constructor(service, problems) {
        super(`${service}: invalid configuration:\n` +
            problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n') +
            '\nSet the variable(s) above (see README "Configuration") and start again.');
        this.service = service;
        this.problems = problems;
        this.name = 'ConfigError';
    }
}
exports.ConfigError = ConfigError;
//# sourceMappingURL=config-error.js.map