import type { Admin } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  /** Settings given when the topic is created (e.g. `cleanup.policy=compact`); an existing topic is left as it is. */
  configEntries?: { name: string; value: string }[];
}

/**
 * Creates missing topics explicitly with their partition counts (KRaft auto-creation
 * races with kafkajs) and grows partitions that are fewer than specified.
 * Returns the names it created.
 */
export async function ensureTopics(
  admin: Admin,
  specs: TopicSpec[],
  // -1: the broker's default.replication.factor (1 on the local broker, 3 in Compose/production).
  replicationFactor = -1,
): Promise<{ created: string[]; grown: string[] }> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existing.has(s.topic));
  if (missing.length > 0) {
    try {
      await admin.createTopics({
        // Waited for below: kafkajs' own wait gives up on UNKNOWN_TOPIC_OR_PARTITION, which a
        // broker answers for a moment after creating a topic (seen on a fresh KRaft broker).
        waitForLeaders: false,
        topics: missing.map((s) => ({
          topic: s.topic,
          numPartitions: s.numPartitions,
          replicationFactor,
          ...(s.configEntries ? { configEntries: s.configEntries } : {}),
        })),
      });
    } catch (e) {
      // Another service may have created the same topic a moment ago; that is fine.
      if (!/already exists/i.test((e as Error).message)) throw e;
    }
  }
  if (missing.length > 0)
    await untilLed(
      admin,
      missing.map((s) => s.topic),
    );
  const grown: string[] = [];
  const present = specs.filter((s) => existing.has(s.topic));
  if (present.length > 0) {
    const meta = await admin.fetchTopicMetadata({ topics: present.map((s) => s.topic) });
    for (const t of meta.topics) {
      const want = present.find((s) => s.topic === t.name)!.numPartitions;
      if (t.partitions.length < want) {
        await admin.createPartitions({ topicPartitions: [{ topic: t.name, count: want }] });
        grown.push(t.name);
      }
    }
  }
  return { created: missing.map((s) => s.topic), grown };
}

/** Waits (up to 30 s) until every partition of the topics has a leader: they can be written. */
async function untilLed(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      const meta = await admin.fetchTopicMetadata({ topics });
      if (meta.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
        return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
    if (Date.now() > deadline) throw new Error(`topics without leaders after 30 s: ${topics.join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Deletes every topic and consumer group of one environment (names starting with `prefix`,
 * docs/operating.md#topics-per-environment): what a test run or a benchmark made under its own
 * prefix. Refuses an empty prefix, which would name every topic of the cluster. Groups still in
 * use are left (Kafka refuses to delete them); the names of those deleted are returned.
 */
export async function deleteEnvironment(
  admin: Admin,
  prefix: string,
): Promise<{ topics: string[]; groups: string[] }> {
  if (prefix === '') throw new Error('deleteEnvironment needs a non-empty prefix');
  const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
  const { groups: all } = await admin.listGroups();
  const groups = all.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
  const deletedGroups: string[] = [];
  if (groups.length > 0) {
    try {
      await admin.deleteGroups(groups);
      deletedGroups.push(...groups);
    } catch (e) {
      // kafkajs reports per group; keep the ones that went
      const results = (e as { groups?: { groupId: string; errorCode: number }[] }).groups ?? [];
      deletedGroups.push(...results.filter((r) => r.errorCode === 0).map((r) => r.groupId));
    }
  }
  if (topics.length > 0) {
    await admin.deleteTopics({ topics, timeout: 30000 });
    // Deletion completes in the background: wait until the cluster no longer lists them.
    const gone = Date.now() + 30000;
    while ((await admin.listTopics()).some((t) => t.startsWith(prefix)) && Date.now() < gone)
      await new Promise((r) => setTimeout(r, 200));
  }
  return { topics, groups: deletedGroups };
}
