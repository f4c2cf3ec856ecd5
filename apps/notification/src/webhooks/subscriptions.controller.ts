import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyGuard, CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { validateInput } from '@app/platform';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { SubscriptionsService } from './subscriptions.service';

/** Webhook subscriptions (docs/contract.md#subscriptions): a liaison key manages its own agency's. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions')
@UseGuards(ApiKeyGuard)
@Roles('liaison')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to signed alert webhooks; the secret (whsec_…) is shown once' })
  @ApiBody({ type: CreateSubscriptionDto })
  @ApiCreatedResponse({ description: '{ id, secret, url, filter, createdAt }' })
  create(@Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return this.subscriptions.create(p, validateInput(CreateSubscriptionDto, body, 'subscription'));
  }

  @Get()
  @ApiOperation({ summary: "The agency's subscriptions (never their secrets)" })
  list(@CurrentPrincipal() p: Principal) {
    return this.subscriptions.list(p);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscription of the agency' })
  @ApiParam({ name: 'id', format: 'uuid' })
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.subscriptions.get(p, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 204, description: 'Deleted; its pending deliveries stop' })
  async remove(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    await this.subscriptions.remove(p, id);
  }
}
