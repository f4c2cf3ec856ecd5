import { Transform } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { JsonDepthMeter } from './json-depth';

/** Code of the error a body nesting too deep raises (answered 400 by the platform's error handler). */
export const JSON_TOO_DEEP = 'INTEL_JSON_TOO_DEEP';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Caps how deep a JSON request body of `fastify` may nest: the body is measured as it streams
 * in (Fastify's `preParsing` hook), and one nesting deeper than `maxDepth` is refused with 400
 * at that byte, before the rest is read and before anything is parsed. Install it before the
 * routes are registered (a module's configure()).
 */
export function limitJsonDepth(fastify: FastifyInstance, maxDepth: number): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    const type = request.headers['content-type'];
    if (!type || !JSON_TYPE.test(type)) return payload;
    const meter = new JsonDepthMeter(maxDepth);
    const measured = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        if (!meter.exceededBy(chunk)) return next(null, chunk);
        next(
          Object.assign(new Error(`The request body nests deeper than ${maxDepth} levels.`), {
            code: JSON_TOO_DEEP,
            statusCode: 400,
          }),
        );
      },
    });
    payload.on('error', (e) => measured.destroy(e));
    // Fastify may answer without reading the stream (a Content-Length over the body limit is a
    // 413 at once): the refusal of the bytes already piped in must not be an unhandled error.
    measured.on('error', () => undefined);
    return payload.pipe(measured);
  });
}
