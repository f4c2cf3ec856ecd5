import { Inject, Injectable } from '@nestjs/common';
import { OUTBOX_METRICS, outboxesOf, type OutboxView, type ServiceUnreachable } from './domain';
import { ServiceMetricsSource } from './service-metrics.port';

/** GET /v1/outboxes. */
export interface OutboxesView {
  outboxes: OutboxView[];
  unreachable: ServiceUnreachable[];
}

/** Every service's outbox backlog and relay breaker, read from the services' metrics. */
@Injectable()
export class OutboxesService {
  constructor(@Inject(ServiceMetricsSource) private readonly metrics: ServiceMetricsSource) {}

  async list(): Promise<OutboxesView> {
    return outboxesOf(await this.metrics.scrape(OUTBOX_METRICS));
  }
}
