"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadConfig = loadConfig;
require("reflect-metadata");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const config_error_1 = require("./config-error");
function flatten(errors) {
    return errors.flatMap((e) => {
        const own = Object.values(e.constraints ?? {}).map((message) => ({ variable: e.property, message }));
        return [...own, ...flatten(e.children ?? [])];
    });
}
/**
 * Builds a typed config object from the environment and validates it; a missing
 * or bad variable throws a ConfigError naming the variable (the service must not start).
 */
function loadConfig(service, cls, env = process.env) {
    // Empty strings mean "unset" (as in a .env file with `FOO=`), so defaults apply.
    const plain = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
    const config = (0, class_transformer_1.plainToInstance)(cls, plain, { enableImplicitConversion: true, exposeDefaultValues: true });
    const errors = (0, class_validator_1.validateSync)(config, { whitelist: false, forbidUnknownValues: false });
    if (errors.length > 0)
        throw new config_error_1.ConfigError(service, flatten(errors));
    return config;
}
//# sourceMappingURL=load-config.js.map