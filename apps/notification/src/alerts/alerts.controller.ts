import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyGuard, CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { validateInput } from '@app/platform';
import { AlertStreams } from './alert-streams.service';
import { ApiEventStream } from '../streams/api-event-stream.decorator';
import { AlertsService } from './alerts.service';
import { parseLastEventId } from './domain/cursor';
import { AckAlertDto } from './dto/ack-alert.dto';
import { ListAlertsQuery } from './dto/list-alerts.query';

/** The liaison inbox (docs/contract.md#alerts-inbox): the agency's alerts, acknowledgement, and a live SSE stream. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/alerts')
@UseGuards(ApiKeyGuard)
@Roles('liaison')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly streams: AlertStreams,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The agency's alerts, newest first, paged by cursor; filter by status and severity",
  })
  @ApiQuery({ type: ListAlertsQuery })
  list(@Query() query: Record<string, unknown>, @CurrentPrincipal() p: Principal) {
    const q = validateInput(ListAlertsQuery, query, 'query');
    return this.alerts.list(p, { ...q, limit: q.limit ?? 50 });
  }

  @Get('stream')
  @ApiEventStream({
    summary:
      'Server-Sent Events: one `alert` event per new alert, id = the agency sequence; send Last-Event-ID to resume (0 replays all)',
    resume:
      'Resume after this alert sequence number (0 replays every alert); without it the stream starts now',
    events:
      'text/event-stream: `retry: 2000`, then per alert `id: <sequence>`, `event: alert`, `data: <the inbox item as JSON>`; a comment line every 15 s',
  })
  @ApiQuery({
    name: 'lastEventId',
    required: false,
    type: 'integer',
    description: 'Same as the Last-Event-ID header, for clients that cannot set headers',
  })
  stream(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const query = req.query as Record<string, string | undefined>;
    const resume = parseLastEventId(req.headers['last-event-id']) ?? parseLastEventId(query.lastEventId);
    return this.streams.serve(p, resume, req, reply);
  }

  @Get(':alertId')
  @ApiOperation({ summary: 'One alert of the agency' })
  @ApiParam({ name: 'alertId', format: 'uuid' })
  get(@Param('alertId') alertId: string, @CurrentPrincipal() p: Principal) {
    return this.alerts.get(p, alertId);
  }

  @Post(':alertId/ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge an alert (records the key, the time and the note); idempotent' })
  @ApiParam({ name: 'alertId', format: 'uuid' })
  @ApiBody({ type: AckAlertDto, required: false })
  ack(@Param('alertId') alertId: string, @Body() body: unknown, @CurrentPrincipal() p: Principal) {
    const dto = validateInput(AckAlertDto, body ?? {}, 'acknowledgement');
    return this.alerts.ack(p, alertId, dto.note);
  }
}
