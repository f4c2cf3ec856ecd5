// Throughput from the stored lag samples (docs/operating.md#the-ops-dashboard): how fast records
// arrive on each topic (log end offsets) and how fast each group consumes them (committed
// offsets), over a window. Pure.

/** One partition's first and last sample in the window, as one group saw it. */
export interface OffsetSpan {
  groupId: string;
  topic: string;
  partition: number;
  /** Epoch ms of the first and last sample in the window. */
  firstAt: number;
  lastAt: number;
  firstCommitted: number;
  lastCommitted: number;
  firstEnd: number;
  lastEnd: number;
}

/** Records a topic received per second, summed over its partitions. */
export interface TopicThroughput {
  topic: string;
  producedPerSecond: number;
  /** Records appended in the window. */
  produced: number;
}

/** Records a group committed per second on one topic, summed over its partitions. */
export interface GroupThroughput {
  groupId: string;
  topic: string;
  consumedPerSecond: number;
  /** Records committed in the window. */
  consumed: number;
}

/** Throughput of every sampled topic and group, highest first. */
export interface Throughput {
  topics: TopicThroughput[];
  groups: GroupThroughput[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Rates over each partition's own sampled span (a committed offset that went back, a rewind,
 * counts as 0). A topic's rate is taken from the longest span any group sampled of each of its
 * partitions, since every group sees the same end offsets. Spans shorter than a millisecond are
 * skipped.
 */
export function throughputOf(spans: readonly OffsetSpan[]): Throughput {
  const groups = new Map<string, GroupThroughput>();
  const longest = new Map<string, OffsetSpan>();
  for (const s of spans) {
    const seconds = (s.lastAt - s.firstAt) / 1000;
    if (seconds < 0.001) continue;
    const consumed = Math.max(0, s.lastCommitted - s.firstCommitted);
    const key = `${s.groupId}\u0000${s.topic}`;
    const g = groups.get(key) ?? { groupId: s.groupId, topic: s.topic, consumedPerSecond: 0, consumed: 0 };
    g.consumed += consumed;
    g.consumedPerSecond += consumed / seconds;
    groups.set(key, g);
    const pk = `${s.topic}/${s.partition}`;
    const best = longest.get(pk);
    if (!best || s.lastAt - s.firstAt > best.lastAt - best.firstAt) longest.set(pk, s);
  }
  const topics = new Map<string, TopicThroughput>();
  for (const s of longest.values()) {
    const produced = Math.max(0, s.lastEnd - s.firstEnd);
    const t = topics.get(s.topic) ?? { topic: s.topic, producedPerSecond: 0, produced: 0 };
    t.produced += produced;
    t.producedPerSecond += produced / ((s.lastAt - s.firstAt) / 1000);
    topics.set(s.topic, t);
  }
  return {
    topics: [...topics.values()]
      .map((t) => ({ ...t, producedPerSecond: round(t.producedPerSecond) }))
      .sort((a, b) => b.producedPerSecond - a.producedPerSecond || a.topic.localeCompare(b.topic)),
    groups: [...groups.values()]
      .map((g) => ({ ...g, consumedPerSecond: round(g.consumedPerSecond) }))
      .sort(
        (a, b) =>
          b.consumedPerSecond - a.consumedPerSecond ||
          a.groupId.localeCompare(b.groupId) ||
          a.topic.localeCompare(b.topic),
      ),
  };
}
