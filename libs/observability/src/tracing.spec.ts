import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { JsonLogger } from './json-logger';
import { initTracing, inSpan, SpanKind, startSpan, traceHeaders, traceparentOf, withSpan } from './tracing';

describe('tracing (docs/operating.md#traces)', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => initTracing('tracing-spec', { exporter }));

  it('continues a W3C traceparent and hands on its own', async () => {
    const incoming = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const inner = await inSpan('hop', { traceparent: incoming, kind: SpanKind.CONSUMER }, () =>
      Promise.resolve(traceparentOf()),
    );
    expect(inner).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    expect(inner).not.toBe(incoming);
    const [span] = exporter.getFinishedSpans().filter((s) => s.name === 'hop');
    expect(span.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
  });

  it('starts a new trace for a missing or malformed traceparent, and has none outside a span', () => {
    expect(traceHeaders()).toEqual({});
    const span = startSpan('fresh', 'not-a-traceparent');
    expect(traceparentOf(span)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(traceparentOf(span)).not.toContain('not-a');
    span.end();
  });

  it('puts trace_id and span_id on log lines written inside a span', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('svc', 'info', (l) => lines.push(l));
    const span = startSpan('logged');
    withSpan(span, () => logger.log('inside'));
    logger.log('outside');
    span.end();
    const [inside, outside] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inside).toMatchObject({
      trace_id: span.spanContext().traceId,
      span_id: span.spanContext().spanId,
    });
    expect(outside.trace_id).toBeUndefined();
  });
});
