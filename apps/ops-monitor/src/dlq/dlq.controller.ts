import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG } from '@app/config';
import { validationProblem } from '@app/contracts';
import { ApiKeyGuard, CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { ProblemException } from '@app/platform';
import type { OpsMonitorEnv } from '../ops-monitor.env';
import { parseReplayRequest } from './domain';
import { DlqError, DlqService, type DlqTopicView, type ReplayResult } from './dlq.service';
import { ReplayDlqDto } from './dto/replay-dlq.dto';

const MAX_LATEST = 100;

/** Dead-letter topics: counts, the newest records decoded, and replay. Operator keys only. */
@ApiTags('dlq')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Roles('operator')
@Controller('v1/dlq')
export class DlqController {
  constructor(
    @Inject(DlqService) private readonly dlq: DlqService,
    @Inject(APP_CONFIG) private readonly env: OpsMonitorEnv,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Every *.dlq topic: record count and the newest records with their dlq-* reasons',
  })
  @ApiQuery({
    name: 'latest',
    required: false,
    type: 'integer',
    minimum: 0,
    maximum: MAX_LATEST,
    description: 'records per topic to decode (0 for counts only)',
  })
  async list(@Query('latest') latest: string | undefined): Promise<{ topics: DlqTopicView[] }> {
    const n = latest === undefined || latest === '' ? this.env.OPS_DLQ_LATEST : Number(latest);
    if (!Number.isInteger(n) || n < 0 || n > MAX_LATEST) {
      throw ProblemException.of(400, `latest must be an integer from 0 to ${MAX_LATEST}.`, {
        errors: [{ path: 'latest', message: `must be an integer from 0 to ${MAX_LATEST}` }],
      });
    }
    return { topics: await this.dlq.list(n) };
  }

  @Post(':topic/replay')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Re-produce DLQ records to their source topic with a dlq-replayed-from header, each at most once',
  })
  @ApiParam({
    name: 'topic',
    description: 'A DLQ topic, e.g. intel.seizure.reported.v1.dlq',
    example: 'intel.seizure.reported.v1.dlq',
  })
  @ApiBody({ type: ReplayDlqDto, required: false })
  async replay(
    @Param('topic') topic: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReplayResult> {
    const parsed = parseReplayRequest(body);
    if (!parsed.ok) throw new ProblemException(validationProblem(parsed.errors, 'Invalid replay request'));
    try {
      return await this.dlq.replay(topic, parsed.request, principal.keyId);
    } catch (e) {
      if (e instanceof DlqError) {
        switch (e.code) {
          case 'NOT_A_DLQ':
            throw ProblemException.of(400, e.message, { type: 'not-a-dlq-topic' });
          case 'NO_SUCH_TOPIC':
            throw ProblemException.of(404, e.message);
        }
      }
      throw e;
    }
  }
}
