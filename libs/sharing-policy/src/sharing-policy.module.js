"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SharingPolicyModule = exports.SHARING_POLICY = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("../../config/src");
const policy_file_1 = require("./policy-file");
/** DI token of the sharing policy, read from SHARING_POLICY_FILE at boot (a bad file stops the service). */
exports.SHARING_POLICY = Symbol('SHARING_POLICY');
/** The sharing policy of a service, loaded once at boot; import it where SHARING_POLICY is injected. */
let SharingPolicyModule = class SharingPolicyModule {
};
exports.SharingPolicyModule = SharingPolicyModule;
exports.SharingPolicyModule = SharingPolicyModule = __decorate([
    (0, common_1.Module)({
        providers: [
            {
                provide: exports.SHARING_POLICY,
                inject: [config_1.APP_CONFIG],
                useFactory: (env) => {
                    const policy = (0, policy_file_1.loadPolicyFile)(env.SHARING_POLICY_FILE);
                    new common_1.Logger('SharingPolicy').log(`sharing policy loaded from ${env.SHARING_POLICY_FILE}`);
                    return policy;
                },
            },
        ],
        exports: [exports.SHARING_POLICY],
    })
], SharingPolicyModule);
//# sourceMappingURL=sharing-policy.module.js.map