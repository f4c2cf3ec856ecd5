export { withCorrelationId, currentCorrelationId, CORRELATION_HEADER } from './correlation-context';
export { JsonLogger, type JsonLogLevel, type LogSink } from './json-logger';
export { counter, gauge, histogram, metricsRegistry, initMetrics } from './metrics';
export { HEALTH_CHECKS, runReadiness, type HealthCheck, type ReadinessReport } from './health';
export { ObservabilityController } from './observability.controller';
export { BREAKER_STATE_VALUES, breakerState, createBreaker, type BreakerState } from './circuit-breaker';
export {
  initTracing,
  inSpan,
  shutdownTracing,
  SpanKind,
  startSpan,
  TRACEPARENT,
  traceHeaders,
  traceLogFields,
  traceparentOf,
  TracingShutdownModule,
  withSpan,
} from './tracing';
