"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var IdentityModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdentityModule = exports.DEFAULT_AGENCY_SEED = void 0;
const common_1 = require("@nestjs/common");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const config_1 = require("../../config/src");
const api_key_guard_1 = require("./api-key.guard");
const api_key_verifier_1 = require("./api-key.verifier");
const identity_store_1 = require("./identity-store");
/** Default seed of agencies, loaded (missing ones only) when a service starts. */
exports.DEFAULT_AGENCY_SEED = path.join('deploy', 'seed', 'agencies.json');
let IdentityLifecycle = class IdentityLifecycle {
    store;
    constructor(store) {
        this.store = store;
    }
    async onApplicationShutdown() {
        await this.store.close();
    }
};
IdentityLifecycle = __decorate([
    __param(0, (0, common_1.Inject)(identity_store_1.IdentityStore)),
    __metadata("design:paramtypes", [identity_store_1.IdentityStore])
], IdentityLifecycle);
/** Authentication for a service: the identity store, the key verifier and ApiKeyGuard. */
let IdentityModule = IdentityModule_1 = class IdentityModule {
    static forRoot() {
        const logger = new common_1.Logger('Identity');
        return {
            module: IdentityModule_1,
            providers: [
                {
                    provide: identity_store_1.IdentityStore,
                    inject: [config_1.APP_CONFIG],
                    useFactory: async (env) => {
                        const store = await identity_store_1.IdentityStore.open(env.DATABASE_URL);
                        const seed = env.AGENCY_SEED_FILE ?? exports.DEFAULT_AGENCY_SEED;
                        if (fs.existsSync(seed)) {
                            const added = await store.importAgencies(seed);
                            if (added.length > 0)
                                logger.log(`added agencies from ${seed}: ${added.join(', ')}`);
                        }
                        return store;
                    },
                },
                {
                    provide: api_key_verifier_1.ApiKeyVerifier,
                    inject: [identity_store_1.IdentityStore, config_1.APP_CONFIG],
                    useFactory: (store, env) => new api_key_verifier_1.ApiKeyVerifier(store, env.AUTH_CACHE_TTL_MS ?? 2000),
                },
                api_key_guard_1.ApiKeyGuard,
                IdentityLifecycle,
            ],
            exports: [identity_store_1.IdentityStore, api_key_verifier_1.ApiKeyVerifier, api_key_guard_1.ApiKeyGuard],
        };
    }
};
exports.IdentityModule = IdentityModule;
exports.IdentityModule = IdentityModule = IdentityModule_1 = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({})
], IdentityModule);
//# sourceMappingURL=identity.module.js.map