export { ConfigError } from './config-error';
export { loadConfig } from './load-config';
export { CommonEnv, LOG_LEVELS, type LogLevel } from './common-env';
export { APP_CONFIG } from './tokens';
