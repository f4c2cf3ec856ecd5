import { Get, Inject } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { OutboxesService, type OutboxesView } from './outboxes.service';
import { OperatorApi } from '../operator-api';

/** GET /v1/outboxes: each service's outbox backlog and its relay's breaker. Operator keys only. */
@OperatorApi('outboxes')
export class OutboxesController {
  constructor(@Inject(OutboxesService) private readonly outboxes: OutboxesService) {}

  @Get()
  @ApiOperation({
    summary:
      "Each service's outbox backlog (intel_outbox_backlog) and relay breaker, read from the services' /metrics (OPS_METRICS_URLS)",
  })
  list(): Promise<OutboxesView> {
    return this.outboxes.list();
  }
}
