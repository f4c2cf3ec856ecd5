import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isTransientError } from '@app/kafka';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import { sendProblem } from './send-problem';

/** Options of {@link installRequestGate}. */
export interface RequestGateOptions<P extends { keyId: string }> {
  /** Whether a request (by its URL) needs a key; others pass untouched (health, metrics, docs). */
  protects: (url: string) => boolean;
  /** The principal of an `Authorization` header, or null when it names no valid key. */
  authenticate: (authorization: string | undefined) => Promise<P | null>;
  /** The per-key limiter; none: no rate limit. */
  limiter?: RateLimiter;
  /** What a request costs once its body is parsed (a batch: one per report); 1 when absent. */
  costOf?: (request: FastifyRequest) => number;
  /** What one token pays for, for the answer's wording (`report`); `request` when absent. */
  unit?: string;
}

const UNAUTHENTICATED = { 'www-authenticate': 'Bearer realm="border-intel"' };

/**
 * Cheap refusals (docs/security.md#input): authentication and the rate limit run in Fastify's
 * `onRequest` hook, before the body is read, so a request without a valid key, or of a key
 * whose bucket is empty, never has its body parsed (401, or 429 with `RateLimit`,
 * `RateLimit-Policy` and `Retry-After`). Once the body is parsed (`preHandler`) the request is
 * charged what it costs, a batch one token per report, and refused 429 if the bucket does not
 * hold that much. The principal is left on `request.principal`; route guards still check roles.
 * Install it before the routes are registered (a module's configure()).
 */
export function installRequestGate<P extends { keyId: string }>(
  fastify: FastifyInstance,
  opts: RequestGateOptions<P>,
): void {
  const { limiter } = opts;
  const unit = opts.unit ?? 'request';
  const principalOf = (request: FastifyRequest) => (request as unknown as { principal?: P }).principal;

  fastify.addHook('onRequest', async (request, reply) => {
    if (!opts.protects(request.url)) return;
    const authorization = request.headers.authorization;
    let principal: P | null;
    try {
      principal = await opts.authenticate(authorization);
    } catch (e) {
      // The key store (the database) is unreachable: as any route would, ask to come back.
      if (!isTransientError(e)) throw e;
      return sendProblem(
        request,
        reply,
        503,
        'A dependency of this service is unavailable; nothing was stored. Retry later.',
        { headers: { 'retry-after': '5' } },
      );
    }
    if (!principal) {
      return sendProblem(
        request,
        reply,
        401,
        authorization
          ? 'The API key is unknown or has been revoked.'
          : 'Send an API key: Authorization: Bearer <key>.',
        { headers: UNAUTHENTICATED },
      );
    }
    (request as unknown as { principal?: P }).principal = principal;
    if (!limiter) return;
    const d = limiter.peek(principal.keyId);
    if (!d.allowed) {
      return sendProblem(
        request,
        reply,
        429,
        `This key may make ${limiter.limits.ratePerS} ${unit}s per second (bursts of ${limiter.limits.burst}); retry after ${d.retryAfterS} s.`,
        { headers: d.headers },
      );
    }
  });

  if (!limiter) return;
  fastify.addHook('preHandler', async (request, reply) => {
    const principal = principalOf(request);
    if (!principal) return;
    const cost = Math.max(1, opts.costOf?.(request) ?? 1);
    const d = limiter.take(principal.keyId, cost);
    void reply.headers(d.headers);
    if (d.allowed) return;
    const detail = d.neverFits
      ? `A request of this key may carry at most ${limiter.limits.burst} ${unit}s (this one carries ${cost}); send fewer at once.`
      : `This key may make ${limiter.limits.ratePerS} ${unit}s per second (bursts of ${limiter.limits.burst}); this request costs ${cost}; retry after ${d.retryAfterS} s.`;
    return sendProblem(request, reply, 429, detail, { headers: d.headers });
  });
}
