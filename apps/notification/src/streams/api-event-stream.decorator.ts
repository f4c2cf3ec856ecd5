import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';

/** The OpenAPI description of a Server-Sent Events route (served by an EventStreams). */
export function ApiEventStream(o: {
  summary: string;
  /** What Last-Event-ID resumes after. */
  resume: string;
  /** What the stream writes. */
  events: string;
}): MethodDecorator {
  return applyDecorators(
    ApiProduces('text/event-stream'),
    ApiOperation({ summary: o.summary }),
    ApiHeader({ name: 'Last-Event-ID', required: false, description: o.resume }),
    ApiOkResponse({
      description: o.events,
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    }),
  );
}
