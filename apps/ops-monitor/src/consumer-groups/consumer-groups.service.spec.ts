import { Logger } from '@nestjs/common';
import { ClusterSnapshotService } from '../cluster/cluster-snapshot.service';
import { LagSampler } from '../lag/lag-sampler.service';
import type { OpsMonitorEnv } from '../ops-monitor.env';
import { InMemoryCluster, InMemoryClusterReader } from '../testing/in-memory-cluster';
import { InMemoryLagSampleRepository } from '../testing/in-memory-lag-samples';
import { ThroughputService } from '../throughput/throughput.service';
import { ConsumerGroupsService } from './consumer-groups.service';

const env = {
  OPS_LAG_WINDOW_SAMPLES: 5,
  OPS_LAG_MIN_SAMPLES: 3,
  OPS_SAMPLE_INTERVAL_MS: 1000,
  OPS_SAMPLE_RETENTION_MINUTES: 60,
  OPS_SAMPLER_ENABLED: 0,
} as OpsMonitorEnv;

function setup() {
  const cluster = new InMemoryCluster();
  cluster.createTopic('reports', 2);
  cluster.groups.push({
    groupId: 'correlation',
    state: 'Stable',
    protocolType: 'consumer',
    members: [
      {
        memberId: 'm1',
        clientId: 'c1',
        clientHost: '/10.0.0.1',
        assignment: [{ topic: 'reports', partitions: [0, 1] }],
      },
    ],
  });
  const commit = (p0: number, p1: number) =>
    cluster.committed.set('correlation', [
      { topic: 'reports', partition: 0, offset: p0 },
      { topic: 'reports', partition: 1, offset: p1 },
    ]);
  commit(0, 0);
  const samples = new InMemoryLagSampleRepository();
  const snapshots = new ClusterSnapshotService(new InMemoryClusterReader(cluster));
  const groups = new ConsumerGroupsService(snapshots, samples, env);
  const sampler = new LagSampler(snapshots, groups, samples, env);
  /** One sampling round, a second after the last. */
  const tick = async () => {
    samples.now += 1000;
    return sampler.round();
  };
  return { cluster, commit, samples, groups, sampler, tick };
}

describe('ConsumerGroupsService and LagSampler (in-memory cluster and samples)', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('judges a group OK while it keeps up, and ERR (STALL) when its owned partitions stop moving behind', async () => {
    const { cluster, commit, groups, tick } = setup();
    for (let i = 1; i <= 4; i++) {
      cluster.append('reports', 0, { value: `r${i}` });
      commit(i, 0);
      await tick();
    }
    expect((await groups.list())[0]).toMatchObject({
      groupId: 'correlation',
      status: 'OK',
      totalLag: 0,
      members: 1,
    });

    for (let i = 0; i < 5; i++) {
      cluster.append('reports', 1, { value: `s${i}` });
      await tick();
    }
    const [g] = await groups.list();
    expect(g).toMatchObject({ status: 'ERR', worstPartitionStatus: 'STALL', totalLag: 5 });
    const detail = await groups.get('correlation');
    expect(detail!.partitions.map((p) => [p.partition, p.lag, p.status])).toEqual([
      [0, 0, 'OK'],
      [1, 5, 'STALL'],
    ]);
  });

  it('knows no group the brokers do not know', async () => {
    const { groups } = setup();
    await expect(groups.get('nobody')).resolves.toBeNull();
    await expect(groups.history('nobody', 5)).resolves.toBeNull();
  });

  it('stores one round per interval however often it is asked, and none while another instance samples', async () => {
    const { samples, sampler, tick } = setup();
    expect(await tick()).toBe('recorded');
    expect(await sampler.round()).toBe('sampled-recently');
    samples.lockedByAnother = true;
    expect(await tick()).toBe('another-instance-is-sampling');
    expect(samples.rows).toHaveLength(2); // one round of two partitions
  });

  it('gives the lag history and the throughput of what it sampled', async () => {
    const { cluster, commit, groups, samples, tick } = setup();
    await tick();
    for (let i = 1; i <= 10; i++) cluster.append('reports', 0, { value: `r${i}` });
    commit(4, 0);
    await tick();
    const history = await groups.history('correlation', 5);
    expect(history!.points.map((p) => p.lag)).toEqual([0, 6]);
    const t = await new ThroughputService(samples).over(5);
    expect(t.topics).toEqual([{ topic: 'reports', produced: 10, producedPerSecond: 10 }]);
    expect(t.groups).toEqual([
      { groupId: 'correlation', topic: 'reports', consumed: 4, consumedPerSecond: 4 },
    ]);
  });
});
