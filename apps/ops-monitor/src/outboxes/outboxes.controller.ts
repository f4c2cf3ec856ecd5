import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, Roles } from '@app/identity';
import { OutboxesService, type OutboxesView } from './outboxes.service';

/** GET /v1/outboxes: each service's outbox backlog and its relay's breaker. Operator keys only. */
@ApiTags('outboxes')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Roles('operator')
@Controller('v1/outboxes')
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
