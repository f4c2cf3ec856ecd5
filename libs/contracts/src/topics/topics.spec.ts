import { allTopicSpecs, consumerGroupOf, dlqTopicOf, topicPrefixFrom, topicsFor } from './topics';

describe('topic names per environment (docs/operating.md#topics-per-environment)', () => {
  it('keeps the names of docs/contract.md#topics without a prefix', () => {
    expect(topicsFor('')).toEqual({
      SeizureReported: 'intel.seizure.reported.v1',
      RouteReported: 'intel.route.reported.v1',
      CaseLinked: 'intel.case.linked.v1',
      AlertIssued: 'intel.alert.issued.v1',
      PrecheckHit: 'intel.precheck.hit.v1',
      LedgerCheckpoint: 'intel.ledger.checkpoint.v1',
    });
    expect(topicPrefixFrom(undefined)).toBe('');
    expect(consumerGroupOf('correlation', '')).toBe('correlation');
  });

  it('puts the prefix before every topic, DLQ and consumer group', () => {
    const names = topicsFor('staging.');
    expect(names.CaseLinked).toBe('staging.intel.case.linked.v1');
    expect(dlqTopicOf(names.SeizureReported)).toBe('staging.intel.seizure.reported.v1.dlq');
    const specs = allTopicSpecs('staging.');
    expect(specs).toHaveLength(allTopicSpecs('').length);
    for (const s of specs) expect(s.topic.startsWith('staging.intel.')).toBe(true);
    expect(specs.map((s) => s.topic)).toContain('staging.intel.precheck.hit.v1.dlq');
    expect(specs.find((s) => s.topic === 'staging.intel.ledger.checkpoint.v1')?.configEntries).toContainEqual(
      {
        name: 'cleanup.policy',
        value: 'compact',
      },
    );
    expect(consumerGroupOf('notification', 'staging.')).toBe('staging.notification');
  });

  it('creates event topics with 14 days of retention and DLQs with 30, as create-topics.sh does', () => {
    const retention = (topic: string) =>
      allTopicSpecs('')
        .find((s) => s.topic === topic)
        ?.configEntries?.find((e) => e.name === 'retention.ms')?.value;
    expect(retention('intel.seizure.reported.v1')).toBe(String(14 * 24 * 3600 * 1000));
    expect(retention('intel.case.linked.v1.dlq')).toBe(String(30 * 24 * 3600 * 1000));
    // The compacted checkpoint topic keeps its newest record per chain for good.
    expect(retention('intel.ledger.checkpoint.v1')).toBeUndefined();
  });

  it('gives two prefixes disjoint names', () => {
    const a = new Set(allTopicSpecs('a.').map((s) => s.topic));
    for (const s of allTopicSpecs('b.')) expect(a.has(s.topic)).toBe(false);
  });

  it.each(['has space.', 'slash/', 'ümlaut.', 'x'.repeat(101)])('refuses the prefix %j', (bad) => {
    expect(() => topicPrefixFrom(bad)).toThrow(/KAFKA_TOPIC_PREFIX/);
    expect(() => topicsFor(bad)).toThrow(/KAFKA_TOPIC_PREFIX/);
  });
});
