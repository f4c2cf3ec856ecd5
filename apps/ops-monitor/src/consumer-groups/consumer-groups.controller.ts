import { Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { APP_CONFIG } from '@app/config';
import type { OpsMonitorEnv } from '../ops-monitor.env';
import { OpsError, OpsErrorCode } from '../ops-monitor.errors';
import { parseMinutes } from '../ops-monitor.params';
import {
  ConsumerGroupsService,
  type GroupDetail,
  type GroupLagHistory,
  type GroupSummary,
} from './consumer-groups.service';
import { OperatorApi } from '../operator-api';

const DEFAULT_HISTORY_MINUTES = 15;

/** Consumer groups, their lag and Burrow status (docs/contract.md#ops-monitor-api). Operator keys only. */
@OperatorApi('consumer-groups')
export class ConsumerGroupsController {
  constructor(
    @Inject(ConsumerGroupsService) private readonly groups: ConsumerGroupsService,
    @Inject(APP_CONFIG) private readonly env: OpsMonitorEnv,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every consumer group with its state, lag and status' })
  async list(): Promise<{ groups: GroupSummary[] }> {
    return { groups: await this.groups.list() };
  }

  @Get(':groupId')
  @ApiOperation({
    summary: 'One group: members, per-partition committed offset, end offset, lag and status',
    description: 'A group id with or without Nest’s default `-server` suffix finds the group either way.',
  })
  async get(@Param('groupId') groupId: string): Promise<GroupDetail> {
    const group = await this.groups.get(groupId);
    if (!group) throw notFound(groupId);
    return group;
  }

  @Get(':groupId/lag-history')
  @ApiOperation({ summary: 'The group’s total and per-partition lag over time (epoch-ms timestamps)' })
  @ApiQuery({
    name: 'minutes',
    required: false,
    type: 'integer',
    minimum: 1,
    description: `default ${DEFAULT_HISTORY_MINUTES}; at most OPS_SAMPLE_RETENTION_MINUTES`,
  })
  async history(
    @Param('groupId') groupId: string,
    @Query('minutes') minutes: string | undefined,
  ): Promise<GroupLagHistory> {
    const m = parseMinutes(minutes, DEFAULT_HISTORY_MINUTES, this.env.OPS_SAMPLE_RETENTION_MINUTES);
    const history = await this.groups.history(groupId, m);
    if (!history) throw notFound(groupId);
    return history;
  }
}

function notFound(groupId: string): OpsError {
  return new OpsError(OpsErrorCode.NoSuchGroup, `No consumer group ${groupId} is known to the brokers.`);
}
