import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Headers,
  Param,
  Post,
  Res,
  UseGuards,
  type Type,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RouteReportDto, SeizureReportDto } from '@app/contracts';
import {
  ApiKeyGuard,
  CurrentPrincipal,
  CurrentSigningKey,
  Roles,
  type Principal,
  type SigningKey,
} from '@app/identity';
import { CORRELATION_HEADER } from '@app/observability';
import type { ReportKind } from '../../outbox/domain/outbox-record';
import { assembleBatchResponse, outcomeError, outcomeResult } from '../domain/intake-outcome';
import { ReportError, ReportErrorCode } from '../reports.errors';
import { parseBatchEnvelope } from '../domain/batch-envelope';
import { AcceptedReportDto } from '../dto/accepted-report.dto';
import { BatchRequestDto, BatchResponseDto } from '../dto/batch.dto';
import { ProblemDto } from '../dto/problem.dto';
import { ReportStatusDto } from '../dto/report-status.dto';
import { JsonContentGuard } from './json-content.guard';
import { ReportIntakeService, type SubmissionContext } from '../service/report-intake.service';

/** Path of the batch endpoint; `::` is find-my-way's escape for a literal colon. */
export const BATCH_ROUTE = 'reports::batch';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const problems = (...statuses: number[]) =>
  statuses.map((status) =>
    ApiResponse({ status, type: ProblemDto, description: 'application/problem+json' }),
  );

/** Route, guards and documentation of an endpoint that publishes one report of a kind. */
function SingleReportEndpoint(path: string, name: string, body: Type, topic: string): MethodDecorator {
  return applyDecorators(
    Post(path),
    UseGuards(JsonContentGuard, ApiKeyGuard),
    Roles('publisher'),
    ApiOperation({
      summary: `Publish a ${name}`,
      description: `Stored durably before 202; relayed to ${topic}.`,
    }),
    ApiConsumes('application/json'),
    ApiBody({ type: body }),
    ApiResponse({ status: 202, type: AcceptedReportDto, description: 'Stored; will be published' }),
    ApiResponse({
      status: 200,
      type: AcceptedReportDto,
      description: 'Same eventId and body as an earlier report: its answer again',
    }),
    ...problems(400, 401, 403, 409, 413, 415, 429, 503),
  );
}

/** The ingest API of docs/contract.md#http-apis for agency systems (publisher keys). */
@ApiTags('reports')
@ApiBearerAuth()
@ApiExtraModels(ProblemDto)
@Controller('v1')
export class ReportsController {
  constructor(private readonly intake: ReportIntakeService) {}

  @SingleReportEndpoint('seizures', 'SeizureReport', SeizureReportDto, 'intel.seizure.reported.v1')
  async seizure(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @CurrentSigningKey() signingKey: SigningKey,
    @Headers(CORRELATION_HEADER) correlationId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.single('seizure', body, { principal, signingKey, correlationId }, reply);
  }

  @SingleReportEndpoint('routes', 'RouteReport', RouteReportDto, 'intel.route.reported.v1')
  async route(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @CurrentSigningKey() signingKey: SigningKey,
    @Headers(CORRELATION_HEADER) correlationId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.single('route', body, { principal, signingKey, correlationId }, reply);
  }

  @Post(BATCH_ROUTE)
  @UseGuards(JsonContentGuard, ApiKeyGuard)
  @Roles('publisher')
  @ApiOperation({
    summary: 'Publish up to 500 reports at once',
    description:
      'Valid items are stored (in one transaction) even when others are not. 207 with one result per item, in order; ' +
      'each result carries the status the single endpoint would have answered. Body ≤ 8 MiB (INGEST_BATCH_BODY_LIMIT_BYTES); each report ≤ 256 KiB.',
  })
  @ApiConsumes('application/json')
  @ApiBody({ type: BatchRequestDto })
  @ApiResponse({ status: 207, type: BatchResponseDto })
  @applyDecorators(...problems(400, 401, 403, 413, 415, 429, 503))
  async batch(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @CurrentSigningKey() signingKey: SigningKey,
    @Headers(CORRELATION_HEADER) correlationId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const envelope = parseBatchEnvelope(body);
    if (!envelope.ok) throw ReportError.invalid(ReportErrorCode.INVALID_BATCH, envelope.errors);
    const outcomes = await this.intake.submit(envelope.items, { principal, signingKey, correlationId });
    await reply.status(207).send(assembleBatchResponse(outcomes));
  }

  @Get('reports/:eventId')
  @UseGuards(ApiKeyGuard)
  @Roles('publisher')
  @ApiOperation({
    summary: "A report's status",
    description: "Reports of the key's own agency only; any other is 404.",
  })
  @ApiParam({ name: 'eventId', format: 'uuid' })
  @ApiResponse({ status: 200, type: ReportStatusDto })
  @applyDecorators(...problems(400, 401, 404, 429, 503))
  async status(
    @Param('eventId') eventId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReportStatusDto> {
    if (!UUID.test(eventId))
      throw ReportError.invalid(ReportErrorCode.INVALID_EVENT_ID, [
        { path: 'eventId', message: 'must be a UUID' },
      ]);
    const s = await this.intake.status(eventId, principal);
    if (!s) throw new ReportError(ReportErrorCode.REPORT_NOT_FOUND, `No report ${eventId} of your agency.`);
    const dto: ReportStatusDto = {
      eventId: s.eventId,
      status: s.status,
      acceptedAt: s.acceptedAt.toISOString(),
    };
    if (s.publishedAt) dto.publishedAt = s.publishedAt.toISOString();
    return dto;
  }

  private async single(
    kind: ReportKind,
    body: unknown,
    ctx: SubmissionContext,
    reply: FastifyReply,
  ): Promise<void> {
    const outcome = await this.intake.submitOne({ kind, report: body }, ctx);
    const error = outcomeError(outcome);
    if (error) throw error;
    const result = outcomeResult(outcome);
    await reply.status(result.status).send(result.response);
  }
}
