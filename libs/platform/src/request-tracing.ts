import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SpanKind, startSpan, TRACEPARENT, withSpan } from '@app/observability';

/**
 * HTTP in (docs/operating.md#traces): every request but health and metrics runs in a server span
 * continuing the caller's `traceparent` (or starting a trace), so what it writes (outbox rows)
 * and logs carries the trace. The span ends when the response is sent.
 */
export function traceRequests(app: NestFastifyApplication): void {
  app.use(
    (
      req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> },
      res: { statusCode: number; once(event: 'finish' | 'close', fn: () => void): unknown },
      next: () => void,
    ) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path.startsWith('/health') || path === '/metrics') return next();
      const incoming = req.headers[TRACEPARENT];
      const span = startSpan(
        `${req.method ?? 'GET'} ${path}`,
        Array.isArray(incoming) ? incoming[0] : incoming,
        SpanKind.SERVER,
        { 'http.request.method': req.method ?? 'GET', 'url.path': path },
      );
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        span.setAttribute('http.response.status_code', res.statusCode);
        span.end();
      };
      res.once('finish', end);
      res.once('close', end);
      withSpan(span, next);
    },
  );
}
