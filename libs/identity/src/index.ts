export { type Principal, generateApiKey, bearerToken } from './domain/api-key';
export { IdentityStore, type Agency, type ApiKeyInfo } from './identity-store';
export { ApiKeyVerifier } from './api-key.verifier';
export {
  PRODUCER_KEY_HEADER,
  PRODUCER_MAC_HEADER,
  producerHeaders,
  producerHeadersFromHash,
  producerProblem,
  signingKeyOf,
  type SigningKey,
} from './domain/record-mac';
export { RecordProducerVerifier } from './record-producer.verifier';
export { RecordSignaturesVariable, reportProducerCheck } from './record-signatures';
export { ApiKeyGuard } from './api-key.guard';
export { Roles, CurrentPrincipal, CurrentSigningKey } from './auth.decorators';
export { IdentityModule } from './identity.module';
export { ApiGateModule } from './api-gate.module';
