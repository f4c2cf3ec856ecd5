/** DI token of the sharing policy the pre-check discloses hits by. */
export const PRECHECK_POLICY = Symbol('PRECHECK_POLICY');
/** DI token of the frequency cap (CORRELATION_MAX_VALUE_FREQUENCY) a hit must stay within. */
export const PRECHECK_MAX_FREQUENCY = Symbol('PRECHECK_MAX_FREQUENCY');
