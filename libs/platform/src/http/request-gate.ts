import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isTransientError } from '@app/kafka';
import type { RateLimits } from '../rate-limit/rate-limiter';
import { sendProblem } from './send-problem';

/** Bytes of body a request without a valid key may send to a route that needs none (health, docs). */
export const ANONYMOUS_BODY_LIMIT = 16 * 1024;

/** Code of the error an unauthenticated body over ANONYMOUS_BODY_LIMIT raises (answered 413). */
export const ANONYMOUS_BODY_TOO_LARGE = 'INTEL_ANONYMOUS_BODY_TOO_LARGE';

/** Options of {@link installRequestGate}. */
export interface RequestGateOptions<P extends { keyId: string }> {
  /** Whether a request (by its URL) needs a key; others pass untouched (health, metrics, docs). */
  protects: (url: string) => boolean;
  /** The principal of an `Authorization` header, or null when it names no valid key. */
  authenticate: (authorization: string | undefined) => Promise<P | null>;
  /** The per-key limits a request is held to (by its URL); none: no rate limit. */
  limitsOf?: (request: FastifyRequest) => RateLimits | undefined;
  /** What a request costs once its body is parsed (a batch: one per report); absent: 1, charged before the body is read. */
  costOf?: (request: FastifyRequest) => number;
  /** What one token pays for, for the answer's wording (`report`); `request` when absent. */
  unit?: (request: FastifyRequest) => string;
}

const UNAUTHENTICATED = { 'www-authenticate': 'Bearer realm="border-intel"' };

const principalOf = <P>(request: FastifyRequest) => (request as unknown as { principal?: P }).principal;

/**
 * Cheap refusals before the body is read (docs/security.md#input): key and rate limit in
 * `onRequest`; a cost that depends on the body (`costOf`) is charged in `preHandler`; keyless
 * requests get ANONYMOUS_BODY_LIMIT. Leaves `request.principal`. Install before the routes.
 */
export function installRequestGate<P extends { keyId: string }>(
  fastify: FastifyInstance,
  opts: RequestGateOptions<P>,
): void {
  const unitOf = (request: FastifyRequest) => opts.unit?.(request) ?? 'request';

  fastify.addHook('onRequest', async (request, reply) => {
    if (!opts.protects(request.url)) {
      if (Number(request.headers['content-length'] ?? 0) > ANONYMOUS_BODY_LIMIT)
        return sendProblem(request, reply, 413, anonymousTooLarge());
      return;
    }
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
    const limits = opts.limitsOf?.(request);
    if (!limits) return;
    // A request whose cost is known before its body (one token) is charged here, once.
    const d = opts.costOf ? limits.peek(principal.keyId) : limits.take(principal.keyId);
    if (d.allowed && !opts.costOf) void reply.headers(d.headers);
    if (!d.allowed) {
      return sendProblem(
        request,
        reply,
        429,
        `This key may make ${d.refusedBy!.describe(unitOf(request))}; retry after ${d.retryAfterS} s.`,
        { headers: d.headers },
      );
    }
  });

  // A body sent where no key was checked (a route that needs none) is counted as it streams in.
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    const h = request.headers;
    if (principalOf(request) || (h['content-length'] === undefined && h['transfer-encoding'] === undefined))
      return payload;
    let bytes = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        bytes += chunk.length;
        if (bytes <= ANONYMOUS_BODY_LIMIT) return next(null, chunk);
        next(
          Object.assign(new Error(anonymousTooLarge()), { code: ANONYMOUS_BODY_TOO_LARGE, statusCode: 413 }),
        );
      },
    });
    payload.on('error', (e) => counted.destroy(e));
    counted.on('error', () => undefined); // as in limitJsonDepth: Fastify may never read it
    return payload.pipe(counted);
  });

  const { limitsOf, costOf } = opts;
  if (!limitsOf || !costOf) return;
  fastify.addHook('preHandler', async (request, reply) => {
    const principal = principalOf<P>(request);
    const limits = principal && limitsOf(request);
    if (!principal || !limits) return;
    const cost = Math.max(1, costOf(request));
    const d = limits.take(principal.keyId, cost);
    void reply.headers(d.headers);
    if (d.allowed) return;
    const unit = unitOf(request);
    const detail = d.neverFits
      ? `A request of this key may carry at most ${d.refusedBy!.limits.burst} ${unit}s (this one carries ${cost}); send fewer at once.`
      : `This key may make ${d.refusedBy!.describe(unit)}; this request costs ${cost}; retry after ${d.retryAfterS} s.`;
    return sendProblem(request, reply, 429, detail, { headers: d.headers });
  });
}

function anonymousTooLarge(): string {
  return `A request without an API key may carry at most ${ANONYMOUS_BODY_LIMIT / 1024} KiB of body.`;
}
