import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyGuard, CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { validateInput } from '@app/platform';
import { parseLastEventId } from '../alerts/domain/cursor';
import { ApiEventStream } from '../streams/api-event-stream.decorator';
import { CreateRequestDto, DecideRequestDto, ListRequestsQuery } from './dto/request.dtos';
import { RequestStreams } from './request-streams.service';
import { RequestsService } from './requests.service';

/** Requests for information (docs/desk.md#requests-for-information). */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1')
@UseGuards(ApiKeyGuard)
@Roles('liaison')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly streams: RequestStreams,
  ) {}

  @Get('requests/options')
  @ApiOperation({
    summary:
      'The configured legal bases, the expiry, and for an alert whether its counterpart may be asked and which fields it may ever release',
  })
  @ApiQuery({ name: 'alertId', required: false, type: 'string', format: 'uuid' })
  options(@Query('alertId') alertId: string | undefined, @CurrentPrincipal() p: Principal) {
    return this.requests.options(p, alertId);
  }

  @Post('alerts/:alertId/requests')
  @ApiOperation({
    summary: "Ask the alert's counterpart for withheld fields, with a justification and a legal basis",
  })
  @ApiParam({ name: 'alertId', format: 'uuid' })
  @ApiBody({ type: CreateRequestDto })
  create(@Param('alertId') alertId: string, @Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return this.requests.create(p, alertId, validateInput(CreateRequestDto, body, 'request'));
  }

  @Get('alerts/:alertId/requests')
  @ApiOperation({ summary: 'The requests this agency sent from one of its alerts, with what each released' })
  @ApiParam({ name: 'alertId', format: 'uuid' })
  ofAlert(@Param('alertId') alertId: string, @CurrentPrincipal() p: Principal) {
    return this.requests.list(p, {
      direction: 'outgoing',
      alertId: /^[0-9a-f-]{36}$/i.test(alertId) ? alertId : '00000000-0000-0000-0000-000000000000',
    });
  }

  @Get('requests')
  @ApiOperation({ summary: "The agency's requests, newest first: incoming (asked of it), outgoing, or both" })
  @ApiQuery({ type: ListRequestsQuery })
  list(@Query() query: Record<string, unknown>, @CurrentPrincipal() p: Principal) {
    return this.requests.list(p, validateInput(ListRequestsQuery, query, 'query'));
  }

  @Get('requests/stream')
  @ApiEventStream({
    summary:
      'Server-Sent Events: `request.created` (asked of this agency) and `request.decided` (either side), id = change order',
    resume: 'Resume after this change (0 replays all)',
    events: 'text/event-stream: per change `id`, `event`, `data: <the request as this agency sees it>`',
  })
  stream(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.streams.serve(p, parseLastEventId(req.headers['last-event-id']), req, reply);
  }

  @Get('requests/:requestId')
  @ApiOperation({ summary: 'One request this agency sent or was asked' })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  get(@Param('requestId') requestId: string, @CurrentPrincipal() p: Principal) {
    return this.requests.get(p, requestId);
  }

  @Post('requests/:requestId/decision')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Decide a request asked of this agency: approve all or some of the fields (released at once), or none (denied), with a note',
  })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  @ApiBody({ type: DecideRequestDto })
  decide(@Param('requestId') requestId: string, @Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return this.requests.decide(p, requestId, validateInput(DecideRequestDto, body, 'decision'));
  }

  @Get('requests/:requestId/ledger')
  @ApiOperation({
    summary:
      'The disclosure-ledger entries of what a request released, for either side (who asked, who decided, what)',
  })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  ledger(@Param('requestId') requestId: string, @CurrentPrincipal() p: Principal) {
    return this.requests.ledger(p, requestId);
  }
}
