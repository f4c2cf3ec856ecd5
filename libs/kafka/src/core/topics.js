"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ensureTopics = ensureTopics;
/**
 * Creates missing topics explicitly with their partition counts (KRaft auto-creation
 * races with kafkajs) and grows partitions that are fewer than specified.
 * Returns the names it created.
 */
async function ensureTopics(admin, specs, 
// -1: the broker's default.replication.factor (1 on the local broker, 3 in Compose/production).
replicationFactor = -1) {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    if (missing.length > 0) {
        try {
            await admin.createTopics({
                waitForLeaders: true,
                topics: missing.map((s) => ({
                    topic: s.topic,
                    numPartitions: s.numPartitions,
                    replicationFactor,
                    ...(s.configEntries ? { configEntries: s.configEntries } : {}),
                })),
            });
        }
        catch (e) {
            // Another service may have created the same topic a moment ago; that is fine.
            if (!/already exists/i.test(e.message))
                throw e;
        }
    }
    const grown = [];
    const present = specs.filter((s) => existing.has(s.topic));
    if (present.length > 0) {
        const meta = await admin.fetchTopicMetadata({ topics: present.map((s) => s.topic) });
        for (const t of meta.topics) {
            const want = present.find((s) => s.topic === t.name).numPartitions;
            if (t.partitions.length < want) {
                await admin.createPartitions({ topicPartitions: [{ topic: t.name, count: want }] });
                grown.push(t.name);
            }
        }
    }
    return { created: missing.map((s) => s.topic), grown };
}
//# sourceMappingURL=topics.js.map