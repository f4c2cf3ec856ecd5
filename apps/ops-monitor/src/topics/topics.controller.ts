import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, Roles } from '@app/identity';
import { ClusterSnapshotService } from '../cluster/cluster-snapshot.service';
import { toTopicViews, type TopicView } from './domain';

/** GET /v1/topics: every topic with its partitions, offsets and record counts. Operator keys only. */
@ApiTags('topics')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Roles('operator')
@Controller('v1/topics')
export class TopicsController {
  constructor(@Inject(ClusterSnapshotService) private readonly cluster: ClusterSnapshotService) {}

  @Get()
  @ApiOperation({ summary: 'Topics: partitions, end offsets, record counts (sum of end - start offsets)' })
  async list(): Promise<{ topics: TopicView[] }> {
    const snapshot = await this.cluster.current();
    return { topics: toTopicViews(snapshot.topics) };
  }
}
