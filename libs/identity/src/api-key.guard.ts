import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '@app/platform';
import { ApiKeyVerifier } from './api-key.verifier';
import { ROLES_KEY } from './auth.decorators';
import { bearerToken, Principal, Role } from './domain/api-key';

/** Authenticates `Authorization: Bearer <key>` (401 when missing, unknown or revoked) and checks the route's roles (403). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(ApiKeyVerifier) private readonly verifier: ApiKeyVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | string[] | undefined>; principal?: Principal }>();
    // The service's request gate (ApiGateModule) has already authenticated the request.
    const principal = req.principal ?? (await this.authenticate(req.headers.authorization));
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (roles && !roles.includes(principal.role)) {
      throw ProblemException.of(
        403,
        `This operation needs a ${roles.join(' or ')} key; yours is a ${principal.role} key.`,
      );
    }
    req.principal = principal;
    return true;
  }

  private async authenticate(authorization: string | string[] | undefined): Promise<Principal> {
    const token = bearerToken(authorization);
    const unauthorized = (detail: string) =>
      ProblemException.of(401, detail, { headers: { 'www-authenticate': 'Bearer realm="border-intel"' } });
    if (!token) throw unauthorized('Send an API key: Authorization: Bearer <key>.');
    const principal = await this.verifier.verify(token);
    if (!principal) throw unauthorized('The API key is unknown or has been revoked.');
    return principal;
  }
}
