import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import {
  CORRELATION_HEADER,
  SpanKind,
  startSpan,
  TRACEPARENT,
  withCorrelationId,
  withSpan,
} from '@app/observability';

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * HTTP in (docs/operating.md#traces): a plain `onRequest` hook, the first of every request, that
 * keeps or makes its `x-correlation-id` and runs it (but health and metrics) in a server span.
 */
export function traceRequests(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      const id = first(request.headers[CORRELATION_HEADER]) || randomUUID();
      request.headers[CORRELATION_HEADER] = id;
      // On the Node response: answers written past Fastify (SSE) carry it too.
      reply.raw.setHeader(CORRELATION_HEADER, id);
      const url = request.url;
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      if (path.startsWith('/health') || path === '/metrics') return withCorrelationId(id, done);
      const span = startSpan(
        `${request.method} ${path}`,
        first(request.headers[TRACEPARENT]),
        SpanKind.SERVER,
        {
          'http.request.method': request.method,
          'url.path': path,
        },
      );
      // 'close' follows every response, finished or cut off.
      reply.raw.once('close', () => {
        span.setAttribute('http.response.status_code', reply.raw.statusCode);
        span.end();
      });
      withCorrelationId(id, () => withSpan(span, done));
    });
}
