import type { FastifyError, FastifyInstance } from 'fastify';
import { sendProblem } from '@app/platform';

/**
 * Gives the POST routes whose URL matches a larger body limit than the service's default
 * (256 KiB, one report), and answers a body over it with a 413 problem that names this
 * limit. Must be installed before the routes are registered (before app.init's router).
 * Other errors go on to the platform's error handler.
 */
export function raiseRouteBodyLimit(fastify: FastifyInstance, urlMatches: RegExp, bodyLimit: number): void {
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST') || !urlMatches.test(route.url)) return;
    route.bodyLimit = bodyLimit;
    route.errorHandler = (error: FastifyError, request, reply) => {
      if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
      void sendProblem(
        request,
        reply,
        413,
        `The request body is larger than the limit of ${Math.round(bodyLimit / 1024)} KiB of this endpoint.`,
      );
    };
  });
}
