import { HttpException } from '@nestjs/common';
import { problem, type FieldError, type ProblemDetails } from '@app/contracts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The standard title of an HTTP status. */
export function statusTitle(status: number): string {
  return TITLES[status] ?? 'Error';
}

/** An HTTP error that carries a full problem body (and optional response headers such as Retry-After). */
export class ProblemException extends HttpException {
  constructor(
    readonly problemBody: ProblemDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(problemBody, problemBody.status);
  }

  /** A problem of `status` with the standard title; `type` is a slug such as `idempotency-conflict`. */
  static of(
    status: number,
    detail: string,
    opts: { type?: string; title?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
  ): ProblemException {
    return new ProblemException(
      problem(status, opts.title ?? statusTitle(status), detail, opts.errors, { type: opts.type }),
      opts.headers ?? {},
    );
  }
}
