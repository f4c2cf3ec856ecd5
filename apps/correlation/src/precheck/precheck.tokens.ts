/** DI token of the frequency cap (CORRELATION_MAX_VALUE_FREQUENCY) a hit must stay within. */
export const PRECHECK_MAX_FREQUENCY = Symbol('PRECHECK_MAX_FREQUENCY');
