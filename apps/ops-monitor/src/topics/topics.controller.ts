import { Get, Inject } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ClusterSnapshotService } from '../cluster/cluster-snapshot.service';
import { toTopicViews, type TopicView } from './domain';
import { OperatorApi } from '../operator-api';

/** GET /v1/topics: every topic with its partitions, offsets and record counts. Operator keys only. */
@OperatorApi('topics')
export class TopicsController {
  constructor(@Inject(ClusterSnapshotService) private readonly cluster: ClusterSnapshotService) {}

  @Get()
  @ApiOperation({ summary: 'Topics: partitions, end offsets, record counts (sum of end - start offsets)' })
  async list(): Promise<{ topics: TopicView[] }> {
    const snapshot = await this.cluster.current();
    return { topics: toTopicViews(snapshot.topics) };
  }
}
