import type { FastifyError, FastifyInstance } from 'fastify';
import { problem } from '@app/contracts';
import { statusTitle } from './problem';

/**
 * Errors Fastify raises before a route runs (body too large, wrong content type,
 * malformed JSON) answered as problem+json too.
 */
export function installFastifyErrorHandler(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    let status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    let detail = error.message;
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        status = 413;
        detail = `The request body is larger than the limit of ${Math.round(fastify.initialConfig.bodyLimit! / 1024)} KiB.`;
        break;
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        status = 415;
        detail = `Content type ${request.headers['content-type'] ?? '(none)'} is not supported; send application/json.`;
        break;
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        status = 400;
        detail = 'The request body is empty; send a JSON object.';
        break;
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        status = 400;
        detail = `The request body is not valid JSON: ${error.message}`;
        break;
      default:
        if (error instanceof SyntaxError) {
          status = 400;
          detail = `The request body is not valid JSON: ${error.message}`;
        }
    }
    if (status >= 500) detail = 'Unexpected error; it has been logged.';
    void reply
      .status(status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(JSON.stringify({ ...problem(status, statusTitle(status), detail), instance: request.url }));
  });
}
