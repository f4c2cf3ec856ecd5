export { ConfigError } from './config-error';
export { loadConfig } from './load-config';
export { CommonEnv } from './common-env';
export { APP_CONFIG } from './tokens';
export { EnvDoc, envDocs, IntEnv, MillisEnv, PortEnv, RateLimitEnv, SwitchEnv } from './env-doc';
