import { Inject, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { APP_CONFIG } from '@app/config';
import { ApiKeyVerifier, bearerToken } from '@app/identity';
import { installRequestGate, limitJsonDepth, RateLimiter, RateLimits } from '@app/platform';
import type { IngestGatewayEnv } from '../ingest-gateway.env';
import { OutboxModule } from '../outbox/outbox.module';
import { batchCost, BATCH_URL, MAX_BODY_DEPTH } from './domain/request-limits';
import { JsonContentGuard } from './controller/json-content.guard';
import { ReportsController } from './controller/reports.controller';
import { raiseRouteBodyLimit } from './controller/route-body-limit';
import { PgReportRepository } from './repository/pg-report.repository';
import { REPORT_REPOSITORY } from './repository/report.repository';
import { ReportIntakeService } from './service/report-intake.service';
import { ReportWriter } from './service/report-writer';

/** The report endpoints: thin controller, intake use cases, the report store. */
@Module({
  imports: [OutboxModule],
  controllers: [ReportsController],
  providers: [
    ReportIntakeService,
    ReportWriter,
    JsonContentGuard,
    { provide: REPORT_REPOSITORY, useClass: PgReportRepository },
  ],
})
export class ReportsModule implements NestModule {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly verifier: ApiKeyVerifier,
    @Inject(APP_CONFIG) private readonly env: IngestGatewayEnv,
  ) {}

  // configure() runs while Nest registers modules, before it registers routes: the one
  // moment Fastify hooks, parsers and an onRoute hook can still reach every route.
  configure(_consumer: MiddlewareConsumer): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    raiseRouteBodyLimit(fastify, BATCH_URL, this.env.INGEST_BATCH_BODY_LIMIT_BYTES);
    limitJsonDepth(fastify, MAX_BODY_DEPTH);
    const limits =
      this.env.INGEST_RATE_LIMIT_PER_S > 0
        ? new RateLimits([
            new RateLimiter({
              ratePerS: this.env.INGEST_RATE_LIMIT_PER_S,
              burst: this.env.INGEST_RATE_LIMIT_BURST,
            }),
          ])
        : undefined;
    installRequestGate(fastify, {
      protects: (url) => url.startsWith('/v1/'),
      authenticate: async (authorization) => {
        const token = bearerToken(authorization);
        return token ? this.verifier.verify(token) : null;
      },
      limitsOf: () => limits,
      costOf: batchCost,
      unit: () => 'report',
    });
  }
}
