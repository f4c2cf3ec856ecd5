import { Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, Roles } from '@app/identity';
import { ProblemException } from '@app/platform';
import { FailedDeliveriesSource, type FailedDeliveriesPage } from './failed-deliveries.port';

/** GET /v1/deliveries?status=failed: webhook deliveries that gave up (from the notification service). */
@ApiTags('deliveries')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Roles('operator')
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(@Inject(FailedDeliveriesSource) private readonly source: FailedDeliveriesSource) {}

  @Get()
  @ApiOperation({
    summary:
      'Webhook deliveries that gave up, from the notification service (501 when NOTIFICATION_URL is off)',
  })
  @ApiQuery({ name: 'status', enum: ['failed'], required: true })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  async list(
    @Query('status') status: string | undefined,
    @Query('cursor') cursor: string | undefined,
    @Headers('authorization') authorization: string,
  ): Promise<FailedDeliveriesPage> {
    if (status !== 'failed') {
      throw ProblemException.of(400, 'Only status=failed is supported.', {
        errors: [{ path: 'status', message: 'must be failed' }],
      });
    }
    if (!this.source.available) {
      throw ProblemException.of(
        501,
        this.source.unavailableReason ?? 'Failed deliveries are not available.',
        {
          title: 'Not Implemented',
          type: 'deliveries-not-available',
        },
      );
    }
    return this.source.listFailed({ cursor, limit: 100, authorization });
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
    if (!this.source.available) {
      throw ProblemException.of(
        501,
        this.source.unavailableReason ?? 'Failed deliveries are not available.',
        { title: 'Not Implemented', type: 'deliveries-not-available' },
      );
    }
    await this.source.replay(deliveryId, authorization);
    return { deliveryId, status: 'replaying' };
  }
}
