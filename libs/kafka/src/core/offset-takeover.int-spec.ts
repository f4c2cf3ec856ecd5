import { randomUUID } from 'node:crypto';
import type { Admin, Consumer } from 'kafkajs';
import { testKafka } from '@app/testing';
import { takeOverOffsets } from './offset-takeover';

// A consumer split off from a group (its topics move to a group of its own) starts where the
// old group left them, not at the topics' beginning (real broker).
describe('takeOverOffsets (real Kafka)', () => {
  const kafka = testKafka('offset-takeover-int');
  const run = randomUUID().slice(0, 8);
  const taken = `takeover-a-${run}`;
  const untouched = `takeover-b-${run}`;
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic: taken, numPartitions: 3 },
        { topic: untouched, numPartitions: 1 },
      ],
    });
    const producer = kafka.producer();
    await producer.connect();
    for (const topic of [taken, untouched])
      await producer.send({
        topic,
        acks: -1,
        messages: Array.from({ length: 12 }, (_, i) => ({
          key: `k${i}`,
          value: `v${i}`,
          partition: i % 3 === 0 || topic === untouched ? 0 : i % 3,
        })),
      });
    await producer.disconnect();
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [taken, untouched] }).catch(() => undefined);
    await admin.disconnect();
  });

  const offsetsOf = async (group: string, topic: string) =>
    Object.fromEntries(
      (await admin.fetchOffsets({ groupId: group, topics: [topic] }))[0].partitions.map((p) => [
        p.partition,
        p.offset,
      ]),
    );

  it('copies the previous group’s offsets to a group that has none, topic by topic, and only once', async () => {
    const previous = `previous-${run}`;
    const split = `split-${run}`;
    await admin.setOffsets({
      groupId: previous,
      topic: taken,
      partitions: [
        { partition: 0, offset: '2' },
        { partition: 1, offset: '3' },
      ],
    });
    expect(await takeOverOffsets(admin, split, previous, [taken, untouched])).toEqual({
      taken: [taken],
      own: [],
      none: [untouched],
    });
    // Partition 2 had no offset in the previous group: it stays without one (starts as new groups do).
    expect(await offsetsOf(split, taken)).toEqual({ 0: '2', 1: '3', 2: '-1' });
    expect(await offsetsOf(split, untouched)).toEqual({ 0: '-1' });

    // Once the group has offsets of its own, they are never replaced.
    await admin.setOffsets({ groupId: split, topic: taken, partitions: [{ partition: 0, offset: '4' }] });
    await admin.setOffsets({ groupId: previous, topic: taken, partitions: [{ partition: 0, offset: '1' }] });
    expect((await takeOverOffsets(admin, split, previous, [taken])).own).toEqual([taken]);
    expect((await offsetsOf(split, taken))[0]).toBe('4');
  });

  it('leaves a group alone while another instance runs it (that instance took over already)', async () => {
    const previous = `previous-running-${run}`;
    const split = `split-running-${run}`;
    await admin.setOffsets({
      groupId: previous,
      topic: untouched,
      partitions: [{ partition: 0, offset: '5' }],
    });
    const consumer: Consumer = kafka.consumer({
      groupId: split,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
    });
    await consumer.connect();
    try {
      // Joined, but consuming nothing yet: it has no committed offset on the topic.
      await consumer.subscribe({ topic: taken, fromBeginning: false });
      const joined = new Promise<void>((r) => consumer.on(consumer.events.GROUP_JOIN, () => r()));
      await consumer.run({ eachMessage: async () => undefined });
      await joined;
      expect(await takeOverOffsets(admin, split, previous, [untouched])).toEqual({
        taken: [],
        own: [untouched],
        none: [],
      });
    } finally {
      await consumer.disconnect();
    }
    expect(await offsetsOf(split, untouched)).toEqual({ 0: '-1' });
  });
});
