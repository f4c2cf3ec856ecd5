import { Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { APP_CONFIG } from '@app/config';
import type { OpsMonitorEnv } from '../ops-monitor.env';
import { parseMinutes } from '../ops-monitor.params';
import { ThroughputService, type ThroughputView } from './throughput.service';
import { OperatorApi } from '../operator-api';

const DEFAULT_MINUTES = 5;

/** GET /v1/throughput: records per second per topic and per consumer group. Operator keys only. */
@OperatorApi('throughput')
export class ThroughputController {
  constructor(
    @Inject(ThroughputService) private readonly throughput: ThroughputService,
    @Inject(APP_CONFIG) private readonly env: OpsMonitorEnv,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Records per second each topic received and each group committed, over the last minutes (from the lag samples)',
  })
  @ApiQuery({ name: 'minutes', required: false, description: `default ${DEFAULT_MINUTES}` })
  over(@Query('minutes') minutes: string | undefined): Promise<ThroughputView> {
    return this.throughput.over(
      parseMinutes(minutes, DEFAULT_MINUTES, this.env.OPS_SAMPLE_RETENTION_MINUTES),
    );
  }
}
