export { withCorrelationId, CORRELATION_HEADER } from './correlation-context';
export { JsonLogger } from './json-logger';
export { counter, gauge, histogram, metricsRegistry, initMetrics } from './metrics';
export { HEALTH_CHECKS, type HealthCheck } from './health';
export { ObservabilityController } from './observability.controller';
export { breakerState, createBreaker, type BreakerState } from './circuit-breaker';
export {
  initTracing,
  inSpan,
  SpanKind,
  startSpan,
  TRACEPARENT,
  traceHeaders,
  traceparentOf,
  TracingShutdownModule,
  withSpan,
} from './tracing';
