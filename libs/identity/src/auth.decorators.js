"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CurrentPrincipal = exports.Roles = exports.ROLES_KEY = void 0;
const common_1 = require("@nestjs/common");
exports.ROLES_KEY = 'intel:roles';
/** Roles allowed on a route or controller (any key role when omitted). */
const Roles = (...roles) => (0, common_1.SetMetadata)(exports.ROLES_KEY, roles);
exports.Roles = Roles;
/** The authenticated caller of the request. */
exports.CurrentPrincipal = (0, common_1.createParamDecorator)((_, ctx) => {
    const req = ctx.switchToHttp().getRequest();
    if (!req.principal)
        throw new Error('CurrentPrincipal used on a route without ApiKeyGuard');
    return req.principal;
});
//# sourceMappingURL=auth.decorators.js.map