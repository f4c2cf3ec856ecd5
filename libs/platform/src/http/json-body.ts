import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { JsonDepthMeter } from './json-depth';

/** Code of the error a body nesting too deep raises (answered 400 by the platform's error handler). */
export const JSON_TOO_DEEP = 'INTEL_JSON_TOO_DEEP';

/**
 * Bodies declaring at most this many bytes are measured whole, once read, just before they are
 * parsed: one pass over bytes already in memory instead of a stream per request. Larger ones (or
 * of unknown length) are measured as they stream in, and refused at the byte that nests too deep.
 */
export const MEASURED_WHOLE_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
/** The depth a request's body is held to when it is measured whole (set by the preParsing hook). */
const WHOLE_BODY_MAX_DEPTH = Symbol('wholeBodyMaxDepth');

const tooDeep = (maxDepth: number) =>
  Object.assign(new Error(`The request body nests deeper than ${maxDepth} levels.`), {
    code: JSON_TOO_DEEP,
    statusCode: 400,
  });

/**
 * Caps how deep a JSON request body of `fastify` may nest: one nesting deeper than `maxDepth` is
 * refused with 400 before anything is parsed; a large body is measured as it streams in
 * (Fastify's `preParsing` hook) and refused at that byte, before the rest is read. Install it
 * before the routes are registered (a module's configure()); the application's JSON parser
 * (`useJsonParser`) measures the small bodies.
 */
export function limitJsonDepth(fastify: FastifyInstance, maxDepth: number): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    const type = request.headers['content-type'];
    if (!type || !JSON_TYPE.test(type)) return payload;
    if (Number(request.headers['content-length']) <= MEASURED_WHOLE_BYTES) {
      (request as unknown as Record<symbol, number>)[WHOLE_BODY_MAX_DEPTH] = maxDepth;
      return payload;
    }
    const meter = new JsonDepthMeter(maxDepth);
    const measured = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        if (!meter.exceededBy(chunk)) return next(null, chunk);
        next(tooDeep(maxDepth));
      },
    });
    payload.on('error', (e) => measured.destroy(e));
    // Fastify may answer without reading the stream (a Content-Length over the body limit is a
    // 413 at once): the refusal of the bytes already piped in must not be an unhandled error.
    measured.on('error', () => undefined);
    return payload.pipe(measured);
  });
}

/** The 400 error of a whole body (read, not yet parsed) nesting deeper than its route allows; null when it does not. */
export function wholeBodyDepthError(request: FastifyRequest, body: Buffer): Error | null {
  const maxDepth = (request as unknown as Record<symbol, number | undefined>)[WHOLE_BODY_MAX_DEPTH];
  if (maxDepth === undefined) return null;
  return new JsonDepthMeter(maxDepth).exceededBy(body) ? tooDeep(maxDepth) : null;
}
