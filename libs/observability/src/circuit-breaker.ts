import { Logger } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import { gauge } from './metrics';

/** Gauge values of the breaker states. */
export const BREAKER_STATE_VALUES = { closed: 0, 'half-open': 1, open: 2 } as const;

/** The state of a circuit breaker. */
export type BreakerState = keyof typeof BREAKER_STATE_VALUES;

// One family for every breaker of a process, told apart by the `breaker` label.
const breakerGauge = gauge('intel_breaker_state', 'Circuit breaker state: 0 closed, 1 half-open, 2 open', [
  'breaker',
]);

const logger = new Logger('CircuitBreaker');

/**
 * An opossum circuit breaker around `action`, named `name` in logs and in the
 * `intel_breaker_state{breaker=name}` gauge: every breaker of the system is made here.
 */
export function createBreaker<A extends unknown[], R>(
  name: string,
  action: (...args: A) => Promise<R>,
  options: Omit<CircuitBreaker.Options, 'name'>,
): CircuitBreaker<A, R> {
  const breaker = new CircuitBreaker(action, { enableSnapshots: false, ...options, name });
  const changed = (state: BreakerState) => {
    breakerGauge.set({ breaker: name }, BREAKER_STATE_VALUES[state]);
    const entry = { msg: `circuit breaker ${name} is ${state}`, breaker: name, state };
    if (state === 'open') logger.warn(entry);
    else logger.log(entry);
  };
  breaker.on('open', () => changed('open'));
  breaker.on('halfOpen', () => changed('half-open'));
  breaker.on('close', () => changed('closed'));
  breakerGauge.set({ breaker: name }, BREAKER_STATE_VALUES.closed);
  return breaker;
}

/** A breaker's state now. */
export function breakerState(breaker: Pick<CircuitBreaker, 'opened' | 'halfOpen'>): BreakerState {
  if (breaker.opened) return 'open';
  if (breaker.halfOpen) return 'half-open';
  return 'closed';
}
