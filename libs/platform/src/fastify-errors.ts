import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError } from 'fastify';
import { problem } from '@app/contracts';
import { JSON_TOO_DEEP } from './http/json-body';
import { ANONYMOUS_BODY_TOO_LARGE } from './http/request-gate';
import { statusTitle } from './problem';

type ErrorHandler = Parameters<FastifyAdapter['setErrorHandler']>[0];

/**
 * The problem+json answer for an error Fastify raises before a route runs (body too large,
 * wrong content type, empty or malformed JSON), or undefined for any other error.
 */
export function fastifyProblem(
  error: FastifyError,
  contentType: string | undefined,
  bodyLimit: number,
): { status: number; detail: string } | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        detail: `The request body is larger than the limit of ${Math.round(bodyLimit / 1024)} KiB.`,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        detail: `Content type ${contentType ?? '(none)'} is not supported; send application/json.`,
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, detail: 'The request body is empty; send a JSON object.' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, detail: `The request body is not valid JSON: ${error.message}` };
    case JSON_TOO_DEEP:
      return { status: 400, detail: error.message };
    case ANONYMOUS_BODY_TOO_LARGE:
      return { status: 413, detail: error.message };
    default:
      return error instanceof SyntaxError
        ? { status: 400, detail: `The request body is not valid JSON: ${error.message}` }
        : undefined;
  }
}

/**
 * A Fastify adapter whose one error handler (the one Nest installs at init, which sends errors
 * to the exception filters) first answers Fastify's own request errors as problem+json with a
 * detail a client can act on. Wrapping Nest's handler instead of installing a second one keeps
 * Fastify from warning that an error handler is overridden (FSTWRN004).
 */
export class ProblemFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(handler: ErrorHandler): ReturnType<FastifyAdapter['setErrorHandler']> {
    const bodyLimit = this.instance.initialConfig.bodyLimit!;
    return super.setErrorHandler(function (this: ThisParameterType<ErrorHandler>, error, request, reply) {
      const known = fastifyProblem(error as FastifyError, request.headers['content-type'], bodyLimit);
      if (!known) return handler.call(this, error, request, reply);
      void reply
        .status(known.status)
        .header('content-type', 'application/problem+json; charset=utf-8')
        .send(
          JSON.stringify({
            ...problem(known.status, statusTitle(known.status), known.detail),
            instance: request.url,
          }),
        );
    });
  }
}
