import type { FastifyError } from 'fastify';
import { fastifyProblem } from './fastify-errors';

const fastifyError = (code: string, message = 'boom'): FastifyError =>
  Object.assign(new Error(message), { code, name: 'FastifyError', statusCode: 400 });

describe('fastifyProblem: Fastify request errors as problems a client can act on', () => {
  it.each([
    ['INTEL_JSON_TOO_DEEP', 'application/json', 400, 'boom'],
    [
      'FST_ERR_CTP_BODY_TOO_LARGE',
      'application/json',
      413,
      'The request body is larger than the limit of 256 KiB.',
    ],
    [
      'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      'text/plain',
      415,
      'Content type text/plain is not supported; send application/json.',
    ],
    [
      'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      undefined,
      415,
      'Content type (none) is not supported; send application/json.',
    ],
    [
      'FST_ERR_CTP_EMPTY_JSON_BODY',
      'application/json',
      400,
      'The request body is empty; send a JSON object.',
    ],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 'application/json', 400, 'The request body is not valid JSON: boom'],
  ])('%s (content type %s) → %d', (code, contentType, status, detail) => {
    expect(fastifyProblem(fastifyError(code), contentType, 256 * 1024)).toEqual({ status, detail });
  });

  it('answers a JSON syntax error as 400 and leaves every other error to the exception filters', () => {
    expect(
      fastifyProblem(new SyntaxError('Unexpected token') as FastifyError, 'application/json', 1024),
    ).toEqual({
      status: 400,
      detail: 'The request body is not valid JSON: Unexpected token',
    });
    expect(fastifyProblem(fastifyError('FST_ERR_SOMETHING_ELSE'), 'application/json', 1024)).toBeUndefined();
    expect(
      fastifyProblem(new Error('database down') as FastifyError, 'application/json', 1024),
    ).toBeUndefined();
  });
});
