"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiKeyGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const platform_1 = require("../../platform/src");
const api_key_verifier_1 = require("./api-key.verifier");
const auth_decorators_1 = require("./auth.decorators");
const api_key_1 = require("./domain/api-key");
/** Authenticates `Authorization: Bearer <key>` (401 when missing, unknown or revoked) and checks the route's roles (403). */
let ApiKeyGuard = class ApiKeyGuard {
    verifier;
    reflector;
    constructor(verifier, reflector) {
        this.verifier = verifier;
        this.reflector = reflector;
    }
    async canActivate(ctx) {
        const req = ctx
            .switchToHttp()
            .getRequest();
        const token = (0, api_key_1.bearerToken)(req.headers.authorization);
        const unauthorized = (detail) => platform_1.ProblemException.of(401, detail, { headers: { 'www-authenticate': 'Bearer realm="border-intel"' } });
        if (!token)
            throw unauthorized('Send an API key: Authorization: Bearer <key>.');
        const principal = await this.verifier.verify(token);
        if (!principal)
            throw unauthorized('The API key is unknown or has been revoked.');
        const roles = this.reflector.getAllAndOverride(auth_decorators_1.ROLES_KEY, [
            ctx.getHandler(),
            ctx.getClass(),
        ]);
        if (roles && !roles.includes(principal.role)) {
            throw platform_1.ProblemException.of(403, `This operation needs a ${roles.join(' or ')} key; yours is a ${principal.role} key.`);
        }
        req.principal = principal;
        return true;
    }
};
exports.ApiKeyGuard = ApiKeyGuard;
exports.ApiKeyGuard = ApiKeyGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(api_key_verifier_1.ApiKeyVerifier)),
    __metadata("design:paramtypes", [api_key_verifier_1.ApiKeyVerifier,
        core_1.Reflector])
], ApiKeyGuard);
//# sourceMappingURL=api-key.guard.js.map