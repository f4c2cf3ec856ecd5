import type { ArgumentsHost } from '@nestjs/common';
import { ModuleError, mapErrorsToHttp } from './module-error';
import { ProblemFilter } from './problem.filter';

enum DeskErrorCode {
  REQUEST_NOT_FOUND = 'REQUEST_NOT_FOUND',
  TOO_MANY = 'TOO_MANY',
}
class DeskError extends ModuleError<DeskErrorCode> {}
mapErrorsToHttp(DeskError, {
  [DeskErrorCode.REQUEST_NOT_FOUND]: { status: 404 },
  [DeskErrorCode.TOO_MANY]: { status: 429, type: 'rate-limited' },
});
class LooseError extends ModuleError<'LOOSE'> {}

interface Sent {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Runs the filter on one error as if it came from `GET /v1/desk` and returns what it sent. */
function answer(error: unknown): Sent {
  const sent: Sent = { status: 0, headers: {}, body: {} };
  const reply = {
    status(s: number) {
      sent.status = s;
      return reply;
    },
    headers(h: Record<string, string>) {
      Object.assign(sent.headers, h);
      return reply;
    },
    header(k: string, v: string) {
      sent.headers[k] = v;
      return reply;
    },
    send(b: string) {
      sent.body = JSON.parse(b) as Record<string, unknown>;
      return reply;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({
      getResponse: () => reply,
      getRequest: () => ({ method: 'GET', url: '/v1/desk' }),
    }),
  } as unknown as ArgumentsHost;
  new ProblemFilter().catch(error, host);
  return sent;
}

describe('ProblemFilter and module errors', () => {
  it("answers a module error with its module's mapping, message, field errors and headers", () => {
    const sent = answer(
      new DeskError(DeskErrorCode.TOO_MANY, 'at most 10 requests a minute', {
        errors: [{ path: 'fields', message: 'too many' }],
        headers: { 'retry-after': '7' },
      }),
    );
    expect(sent.status).toBe(429);
    expect(sent.headers['retry-after']).toBe('7');
    expect(sent.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(sent.body).toMatchObject({
      status: 429,
      title: 'Too Many Requests',
      detail: 'at most 10 requests a minute',
      type: expect.stringMatching(/rate-limited$/),
      errors: [{ path: 'fields', message: 'too many' }],
      instance: '/v1/desk',
    });
  });

  it('answers 404 for a not-found code', () => {
    expect(answer(new DeskError(DeskErrorCode.REQUEST_NOT_FOUND, 'no request 7')).status).toBe(404);
  });

  it('answers 500 without the message for a module error whose class mapped nothing', () => {
    const sent = answer(new LooseError('LOOSE', 'secret internals'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('secret internals');
  });
});
