import type { Admin } from 'kafkajs';

/** What a takeover did, per topic. */
export interface OffsetTakeover {
  /** Topics whose committed offsets were copied from the previous group. */
  taken: string[];
  /** Topics the group already has committed offsets on (it started before): left alone. */
  own: string[];
  /** Topics the previous group has no committed offsets on: the group starts as new groups do. */
  none: string[];
}

/**
 * When a consumer is split off from a group (its topics move to a group of their own), the
 * new group has no committed offsets and would start at the beginning of the topics,
 * re-reading everything still retained. This starts it where the previous group left each
 * topic instead: for every topic on which `group` has no committed offset yet and `from` has
 * some, `from`'s offsets are copied to `group`. Run before the group's consumer starts; if
 * another instance has started it meanwhile (the group is not empty), that instance took
 * over already and nothing is done. The previous group's offsets are left as they are
 * (kafkajs cannot delete them: `kafka-consumer-groups.sh --delete-offsets`).
 */
export async function takeOverOffsets(
  admin: Admin,
  group: string,
  from: string,
  topics: string[],
): Promise<OffsetTakeover> {
  const result: OffsetTakeover = { taken: [], own: [], none: [] };
  const committed = (offsets: { partitions: { offset: string }[] }) =>
    offsets.partitions.some((p) => Number(p.offset) >= 0);
  const mine = await admin.fetchOffsets({ groupId: group, topics });
  const theirs = await admin.fetchOffsets({ groupId: from, topics });
  for (const topic of topics) {
    const own = mine.find((t) => t.topic === topic);
    const previous = theirs.find((t) => t.topic === topic);
    if (own && committed(own)) {
      result.own.push(topic);
      continue;
    }
    if (!previous || !committed(previous)) {
      result.none.push(topic);
      continue;
    }
    try {
      await admin.setOffsets({
        groupId: group,
        topic,
        partitions: previous.partitions
          .filter((p) => Number(p.offset) >= 0)
          .map((p) => ({ partition: p.partition, offset: p.offset })),
      });
      result.taken.push(topic);
    } catch (e) {
      // kafkajs refuses to set the offsets of a group with members: another instance runs it.
      if (/must have no running instances/.test((e as Error).message)) result.own.push(topic);
      else throw e;
    }
  }
  return result;
}
