import { Inject, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { APP_CONFIG } from '@app/config';
import type { IngestGatewayEnv } from '../ingest-gateway.env';
import { OutboxModule } from '../outbox/outbox.module';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { JsonContentGuard } from './json-content.guard';
import { PgReportStore } from './pg-report.store';
import { ReportIntakeService } from './report-intake.service';
import { ReportStore } from './report.store';
import { ReportWriter } from './report-writer';
import { ReportsController } from './reports.controller';
import { raiseRouteBodyLimit } from './route-body-limit';

/** The report endpoints: thin controller, intake use cases, the report store. */
@Module({
  imports: [OutboxModule],
  controllers: [ReportsController],
  providers: [
    ReportIntakeService,
    ReportWriter,
    RateLimitGuard,
    JsonContentGuard,
    { provide: ReportStore, useClass: PgReportStore },
  ],
})
export class ReportsModule implements NestModule {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly env: IngestGatewayEnv,
  ) {}

  // configure() runs while Nest registers modules, before it registers routes: the one
  // moment a Fastify onRoute hook can still raise the batch route's body limit.
  configure(_consumer: MiddlewareConsumer): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    raiseRouteBodyLimit(fastify, /\/v1\/reports:+batch$/, this.env.INGEST_BATCH_BODY_LIMIT_BYTES);
  }
}
