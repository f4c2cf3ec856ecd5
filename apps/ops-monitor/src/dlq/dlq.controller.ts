import { Body, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery } from '@nestjs/swagger';
import { APP_CONFIG } from '@app/config';
import { CurrentPrincipal, type Principal } from '@app/identity';
import type { OpsMonitorEnv } from '../ops-monitor.env';
import { OpsError } from '../ops-monitor.errors';
import { parseBodyReadRequest, parseReplayRequest } from './domain';
import { DlqService, type DlqBodyRead, type DlqTopicView, type ReplayResult } from './dlq.service';
import { ReadDlqBodyDto } from './dto/read-dlq-body.dto';
import { ReplayDlqDto } from './dto/replay-dlq.dto';
import { OperatorApi } from '../operator-api';
import { parseIntQuery } from '../ops-monitor.params';

const MAX_LATEST = 100;

/** Dead-letter topics: counts, the newest records' metadata, reasoned body reads, and replay. Operator keys only. */
@OperatorApi('dlq')
export class DlqController {
  constructor(
    @Inject(DlqService) private readonly dlq: DlqService,
    @Inject(APP_CONFIG) private readonly env: OpsMonitorEnv,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Every *.dlq topic: record count and the newest records: topic, partition, offset, key, time, size, failure reason, headers without personal data; never the body',
  })
  @ApiQuery({
    name: 'latest',
    required: false,
    type: 'integer',
    minimum: 0,
    maximum: MAX_LATEST,
    description: 'records per topic to list (0 for counts only)',
  })
  async list(@Query('latest') latest: string | undefined): Promise<{ topics: DlqTopicView[] }> {
    return {
      topics: await this.dlq.list(parseIntQuery('latest', latest, this.env.OPS_DLQ_LATEST, [0, MAX_LATEST])),
    };
  }

  @Post(':topic/records/:partition/:offset/body')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Read one DLQ record's body: needs a reason; the read (operator key id, reason, the value shown) is written to the disclosure ledger first",
  })
  @ApiBody({ type: ReadDlqBodyDto, required: true })
  async readBody(
    @Param('topic') topic: string,
    @Param('partition') partition: string,
    @Param('offset') offset: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DlqBodyRead> {
    const errors = [
      ...(/^\d{1,9}$/.test(partition)
        ? []
        : [{ path: 'partition', message: 'must be a non-negative integer' }]),
      ...(/^\d{1,15}$/.test(offset) ? [] : [{ path: 'offset', message: 'must be a non-negative integer' }]),
    ];
    const parsed = parseBodyReadRequest(body);
    if (!parsed.ok) errors.push(...parsed.errors);
    if (!parsed.ok || errors.length > 0) throw OpsError.invalid('Invalid body read request', errors);
    return this.dlq.readBody(topic, Number(partition), Number(offset), parsed.request, principal.keyId);
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
    if (!parsed.ok) throw OpsError.invalid('Invalid replay request', parsed.errors);
    return this.dlq.replay(topic, parsed.request, principal.keyId);
  }
}
