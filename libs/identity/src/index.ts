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
export {
  PRODUCER_KEY_HEADER,
  PRODUCER_MAC_HEADER,
  producerHeaders,
  producerHeadersFromHash,
  producerProblem,
  recordMac,
  signingKeyOf,
  type ProducedRecord,
  type SigningKey,
  type StoredKey,
} from './domain/record-mac';
export { RecordProducerVerifier, type ProducerCheckMode } from './record-producer.verifier';
export {
  RecordSignaturesVariable,
  recordSignatureMode,
  reportProducerCheck,
  type RecordSignaturesEnv,
} from './record-signatures';
export { ApiKeyGuard } from './api-key.guard';
export { Roles, CurrentPrincipal, CurrentSigningKey } from './auth.decorators';
export { IdentityModule, DEFAULT_AGENCY_SEED } from './identity.module';
export { ApiGateModule, MAX_JSON_DEPTH, type ApiGateRoutes } from './api-gate.module';
