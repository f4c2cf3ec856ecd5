export { ConfigError } from './config-error';
export { loadConfig } from './load-config';
export { CommonEnv, LOG_LEVELS, RUN_MODES, type LogLevel, type RunMode } from './common-env';
export { APP_CONFIG } from './tokens';
export {
  EnvDoc,
  IntEnv,
  MillisEnv,
  PortEnv,
  RateLimitEnv,
  SwitchEnv,
  envDocs,
  type EnvDocEntry,
  type EnvDocOptions,
  type IntEnvOptions,
} from './env-doc';
export {
  buildReference,
  describeEnv,
  renderConfigurationReference,
  type EnvVariable,
  type ReferenceRow,
  type ServiceEnv,
} from './env-reference';
