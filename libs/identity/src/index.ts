export {
  ROLES,
  type Role,
  type Principal,
  generateApiKey,
  parseApiKey,
  bearerToken,
  keyScopeProblem,
  AGENCY_ID,
} from './domain/api-key';
export { IdentityStore, IdentityError, type Agency, type ApiKeyInfo } from './identity-store';
export { ApiKeyVerifier } from './api-key.verifier';
export { ApiKeyGuard } from './api-key.guard';
export { Roles, CurrentPrincipal } from './auth.decorators';
export { IdentityModule, DEFAULT_AGENCY_SEED } from './identity.module';
