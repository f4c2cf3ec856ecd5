import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, type FieldError } from '@app/contracts';
import { statusTitle } from '../problem';

/**
 * Answers a request with a problem+json from a Fastify hook (before Nest's exception filters
 * exist for it): the same body the ProblemFilter sends, `instance` the request's URL.
 */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  detail: string,
  opts: { type?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
): FastifyReply {
  return reply
    .status(status)
    .headers(opts.headers ?? {})
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(
      JSON.stringify({
        ...problem(status, statusTitle(status), detail, opts.errors, { type: opts.type }),
        instance: request.url,
      }),
    );
}
