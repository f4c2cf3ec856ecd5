import { RouteConfig, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest, RawServerDefault } from 'fastify';
import { wholeBodyDepthError } from './json-body';
import { ProblemException } from '../problem';

const JSON_TEXT = 'jsonTextBody';

/**
 * A route whose JSON body reaches the handler as the text received, unparsed: for a hot route
 * that hands the text to a worker thread (cheaper to copy than an object) and parses it only
 * when it must (`parseJsonText`). Every hook of the route runs as on any other (the key and
 * rate limit before the body is read, its nesting depth as it streams in).
 */
export const JsonTextBody = (): MethodDecorator => RouteConfig({ [JSON_TEXT]: true });

/**
 * Installs the application's `application/json` parser (before app.init()): Fastify's own
 * (secure-json-parse, prototype keys refused) for every route but those marked JsonTextBody,
 * after the nesting depth of a body measured whole (limitJsonDepth).
 */
export function useJsonParser(app: NestFastifyApplication, bodyLimit: number): void {
  const parseJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    const tooDeep = wholeBodyDepthError(request as unknown as FastifyRequest, body);
    if (tooDeep) return done(tooDeep, undefined);
    if ((request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[JSON_TEXT])
      return done(null, body.toString('utf8'));
    void parseJson(request, body.toString('utf8'), done);
  });
}

/** A JsonTextBody route's body parsed, or the 400 Fastify's parser would have answered. */
export function parseJsonText(text: string): unknown {
  if (text.length === 0) throw ProblemException.of(400, 'The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw ProblemException.of(400, `The request body is not valid JSON: ${(e as Error).message}`);
  }
}
