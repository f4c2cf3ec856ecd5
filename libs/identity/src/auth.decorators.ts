import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { bearerToken, type Principal, type Role } from './domain/api-key';
import { signingKeyOf, type SigningKey } from './domain/record-mac';

export const ROLES_KEY = 'intel:roles';

/** Roles allowed on a route or controller (any key role when omitted). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated caller of the request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!req.principal) throw new Error('CurrentPrincipal used on a route without ApiKeyGuard');
  return req.principal;
});

/**
 * The key that authenticated the request, to sign the records it produces
 * (docs/security.md#records-bound-to-their-producer); routes behind ApiKeyGuard only.
 */
export const CurrentSigningKey = createParamDecorator((_: unknown, ctx: ExecutionContext): SigningKey => {
  const req = ctx
    .switchToHttp()
    .getRequest<{ principal?: Principal; headers: Record<string, string | string[] | undefined> }>();
  const token = bearerToken(req.headers.authorization);
  const key = token ? signingKeyOf(token) : null;
  if (!req.principal || !key || key.keyId !== req.principal.keyId)
    throw new Error('CurrentSigningKey used on a route without ApiKeyGuard');
  return key;
});
