import { Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { OpsError } from '../ops-monitor.errors';
import { DeliveriesService, type DeliveryHealth } from './deliveries.service';
import type { FailedDeliveriesPage } from './domain';
import { OperatorApi } from '../operator-api';

/** Webhook deliveries that gave up, and delivery health per endpoint (from the notification service). Operator keys only. */
@OperatorApi('deliveries')
export class DeliveriesController {
  constructor(@Inject(DeliveriesService) private readonly deliveries: DeliveriesService) {}

  @Get()
  @ApiOperation({
    summary:
      'Webhook deliveries that gave up, from the notification service (501 when NOTIFICATION_URL is off)',
  })
  @ApiQuery({ name: 'status', enum: ['failed'], required: true })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  list(
    @Query('status') status: string | undefined,
    @Query('cursor') cursor: string | undefined,
    @Headers('authorization') authorization: string,
  ): Promise<FailedDeliveriesPage> {
    if (status !== 'failed') {
      throw OpsError.invalid('Only status=failed is supported.', [
        { path: 'status', message: 'must be failed' },
      ]);
    }
    return this.deliveries.listFailed(cursor, authorization);
  }

  @Get('health')
  @ApiOperation({
    summary:
      "Delivery health: each webhook endpoint's breaker (state, failures) and failed deliveries per subscription (501 when NOTIFICATION_URL is off)",
  })
  health(@Headers('authorization') authorization: string): Promise<DeliveryHealth> {
    return this.deliveries.health(authorization);
  }

  @Post(':deliveryId/replay')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Attempt a failed delivery again (same webhook-id), through the notification service',
  })
  async replay(
    @Param('deliveryId') deliveryId: string,
    @Headers('authorization') authorization: string,
  ): Promise<{ deliveryId: string; status: 'replaying' }> {
    await this.deliveries.replay(deliveryId, authorization);
    return { deliveryId, status: 'replaying' };
  }
}
