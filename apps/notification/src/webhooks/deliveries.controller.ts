import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, Roles } from '@app/identity';
import { validateInput } from '@app/platform';
import { ListDeliveriesQuery } from './dto/list-deliveries.query';
import { DeliveriesService } from './deliveries.service';

/** Webhook deliveries for operators (docs/contract.md#deliveries): failed ones, their attempts, replay; endpoint breakers. */
@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('v1')
@UseGuards(ApiKeyGuard)
@Roles('operator')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('deliveries')
  @ApiOperation({ summary: 'Deliveries by status (failed: gave up after the last attempt), newest first' })
  @ApiQuery({ type: ListDeliveriesQuery })
  list(@Query() query: Record<string, unknown>) {
    const q = validateInput(ListDeliveriesQuery, query, 'query');
    return this.deliveries.list(q.status, q.cursor, q.limit ?? 100);
  }

  @Get('deliveries/:id')
  @ApiOperation({ summary: 'One delivery with every attempt (time, status or error, duration)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  get(@Param('id') id: string) {
    return this.deliveries.get(id);
  }

  @Post('deliveries/:id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Replay a failed delivery: same webhook-id, attempts start again' })
  @ApiParam({ name: 'id', format: 'uuid' })
  replay(@Param('id') id: string) {
    return this.deliveries.replay(id);
  }

  @Get('endpoints')
  @ApiOperation({
    summary: 'Circuit breaker state of every webhook endpoint (URL origin) this instance used',
  })
  endpoints() {
    return this.deliveries.endpoints();
  }
}
