// Traces across the hops of a report (docs/operating.md#traces): a thin layer over the OpenTelemetry API.
import { Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export { SpanKind };

/** The W3C trace context header (HTTP and Kafka). */
export const TRACEPARENT = 'traceparent';

const TRACEPARENT_FORMAT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

let provider: NodeTracerProvider | null = null;

/**
 * Registers the process's tracer provider (once; later calls are ignored): W3C propagation,
 * context kept across async calls, and spans exported to `exporter` (a test's in-memory one) or
 * over OTLP/HTTP to `otlpEndpoint` (`<endpoint>/v1/traces`), or nowhere.
 */
export function initTracing(
  service: string,
  opts: { otlpEndpoint?: string; exporter?: SpanExporter } = {},
): void {
  if (provider) return;
  const spanProcessors: SpanProcessor[] = [];
  if (opts.exporter) spanProcessors.push(new SimpleSpanProcessor(opts.exporter));
  if (opts.otlpEndpoint)
    spanProcessors.push(
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${opts.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }),
      ),
    );
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors,
  });
  provider.register();
}

/** Flushes and stops the exporter (at shutdown). */
export async function shutdownTracing(): Promise<void> {
  await provider?.shutdown();
}

/** Imported by a service's process root: the app's shutdown (SIGTERM, app.close()) flushes the spans still buffered. */
@Module({})
export class TracingShutdownModule implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return shutdownTracing();
  }
}

const tracer = () => trace.getTracer('border-intel');

/** The `traceparent` of a span, or of the active one; undefined when there is none. */
export function traceparentOf(span?: Span): string | undefined {
  const carrier: Record<string, string> = {};
  const ctx = span ? trace.setSpan(context.active(), span) : context.active();
  propagation.inject(ctx, carrier);
  return carrier[TRACEPARENT];
}

/** The context a `traceparent` names (the active one when it is missing or malformed). */
function contextOf(traceparent: string | undefined): Context {
  if (!traceparent || !TRACEPARENT_FORMAT.test(traceparent)) return context.active();
  return propagation.extract(context.active(), { [TRACEPARENT]: traceparent });
}

/** Starts a span (not made active) continuing `traceparent`, or the active trace. */
export function startSpan(
  name: string,
  traceparent?: string,
  kind: SpanKind = SpanKind.INTERNAL,
  attributes?: Attributes,
): Span {
  return tracer().startSpan(name, { kind, attributes }, contextOf(traceparent));
}

/** Runs `fn` inside `span` (active: log lines and records written inside carry it). */
export function withSpan<T>(span: Span, fn: () => T): T {
  return context.with(trace.setSpan(context.active(), span), fn);
}

/**
 * Runs `fn` in a new active span continuing `traceparent` (or the active trace) and ends it;
 * a thrown error marks the span failed and is rethrown.
 */
export async function inSpan<T>(
  name: string,
  opts: { traceparent?: string; kind?: SpanKind; attributes?: Attributes },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const span = startSpan(name, opts.traceparent, opts.kind, opts.attributes);
  try {
    return await withSpan(span, () => fn(span));
  } catch (e) {
    span.recordException(e as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
    throw e;
  } finally {
    span.end();
  }
}

/** `{ traceparent }` of the active span, to add to a record's or a request's headers; `{}` without one. */
export function traceHeaders(): Record<string, string> {
  const tp = traceparentOf();
  return tp ? { [TRACEPARENT]: tp } : {};
}

/** trace_id and span_id of the active span, for log lines. */
export function traceLogFields(): { trace_id?: string; span_id?: string } {
  const sc = trace.getActiveSpan()?.spanContext();
  return sc && trace.isSpanContextValid(sc) ? { trace_id: sc.traceId, span_id: sc.spanId } : {};
}
