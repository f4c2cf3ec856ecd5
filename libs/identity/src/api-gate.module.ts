import { DynamicModule, Inject, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '@app/config';
import { installRequestGate, limitJsonDepth, type RateLimits } from '@app/platform';
import { ApiKeyVerifier } from './api-key.verifier';
import { bearerToken } from './domain/api-key';

/** How deep a request body may nest (docs/security.md#input); deeper is refused as it streams in. */
export const MAX_JSON_DEPTH = 20;

/** The per-key limits of one group of routes. */
export interface ApiGateRoutes {
  /** The routes, by the start of their path (`/v1/prechecks`); `/v1/` for the rest of the API. */
  prefix: string;
  /** Per-key rate and quota; undefined: none. */
  limits: RateLimits | undefined;
  /** What one request is, in a refusal's wording (`pre-check`); `request` when absent. */
  unit?: string;
}

const API_GATE_ROUTES = Symbol('API_GATE_ROUTES');

/**
 * Cheap refusals for a service's API under `/v1/` (docs/security.md#input), before the body is
 * read. The first group whose prefix starts the path applies. Import it in the root module.
 */
@Module({})
export class ApiGateModule implements NestModule {
  static forService<E>(routes: (env: E) => ApiGateRoutes[]): DynamicModule {
    return {
      module: ApiGateModule,
      providers: [{ provide: API_GATE_ROUTES, inject: [APP_CONFIG], useFactory: routes }],
    };
  }

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(ApiKeyVerifier) private readonly verifier: ApiKeyVerifier,
    @Inject(API_GATE_ROUTES) private readonly routes: ApiGateRoutes[],
  ) {}

  configure(_consumer: MiddlewareConsumer): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const groupOf = (request: FastifyRequest) => this.routes.find((g) => request.url.startsWith(g.prefix));
    limitJsonDepth(fastify, MAX_JSON_DEPTH);
    installRequestGate(fastify, {
      protects: (url) => url.startsWith('/v1/'),
      authenticate: async (authorization) => {
        const token = bearerToken(authorization);
        return token ? this.verifier.verify(token) : null;
      },
      limitsOf: (request) => groupOf(request)?.limits,
      unit: (request) => groupOf(request)?.unit ?? 'request',
    });
  }
}
