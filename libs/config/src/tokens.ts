/** DI token of the service's validated config object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
