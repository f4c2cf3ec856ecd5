// Public API of the pre-check feature (consignment hit/no-hit checks).
export { PrecheckModule } from './precheck.module';
export { PrecheckKeyingPool } from './keying/precheck-keying.pool';
export { PrecheckIndexService, PRECHECK_POLL_MS, type RebuildStats } from './precheck-index.service';
export {
  PrecheckIndex,
  type IndexMatch,
  type LookupOptions,
  type LookupResult,
} from './domain/precheck-index';
export { precheckKeyOf, type PrecheckKey } from './domain/precheck-keys';
export { checkKeys, identifierTypes, type CheckSubject } from './domain/check-keys';
