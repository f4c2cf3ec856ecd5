"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.BREAKER_STATE_VALUES = void 0;
exports.createBreaker = createBreaker;
exports.breakerState = breakerState;
const common_1 = require("@nestjs/common");
const opossum_1 = __importDefault(require("opossum"));
const prom_client_1 = require("prom-client");
const metrics_1 = require("./metrics");
/** Gauge values of the breaker states. */
exports.BREAKER_STATE_VALUES = { closed: 0, 'half-open': 1, open: 2 };
// One family for every breaker of a process, told apart by the `breaker` label.
const breakerGauge = new prom_client_1.Gauge({
    name: 'intel_breaker_state',
    help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open',
    labelNames: ['breaker'],
    registers: [metrics_1.metricsRegistry],
});
const logger = new common_1.Logger('CircuitBreaker');
/**
 * An opossum circuit breaker around `action`, named `name` in logs and in the
 * `intel_breaker_state{breaker=name}` gauge: every breaker of the system is made here.
 */
function createBreaker(name, action, options) {
    const breaker = new opossum_1.default(action, { enableSnapshots: false, ...options, name });
    const changed = (state) => {
        breakerGauge.set({ breaker: name }, exports.BREAKER_STATE_VALUES[state]);
        const entry = { msg: `circuit breaker ${name} is ${state}`, breaker: name, state };
        if (state === 'open')
            logger.warn(entry);
        else
            logger.log(entry);
    };
    breaker.on('open', () => changed('open'));
    breaker.on('halfOpen', () => changed('half-open'));
    breaker.on('close', () => changed('closed'));
    breakerGauge.set({ breaker: name }, exports.BREAKER_STATE_VALUES.closed);
    return breaker;
}
/** A breaker's state now. */
function breakerState(breaker) {
    if (breaker.opened)
        return 'open';
    if (breaker.halfOpen)
        return 'half-open';
    return 'closed';
}
//# sourceMappingURL=circuit-breaker.js.map