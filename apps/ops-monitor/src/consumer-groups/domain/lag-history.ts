// A group's lag over time for the dashboard's chart, from the stored samples. Pure.

/** One stored sample of one partition. */
export interface HistorySampleInput {
  /** Epoch milliseconds; every partition sampled in one round shares it. */
  timestamp: number;
  topic: string;
  partition: number;
  lag: number;
}

/** One point of the group's total lag. */
export interface LagPoint {
  timestamp: number;
  lag: number;
}

/** The lag of one partition over time. */
export interface PartitionLagSeries {
  topic: string;
  partition: number;
  points: LagPoint[];
}

/** A group's lag history: the total per sampling round and each partition's own. */
export interface LagHistory {
  points: LagPoint[];
  partitions: PartitionLagSeries[];
}

/** Groups samples into the total per sampling round (time order) and one series per partition. */
export function assembleLagHistory(samples: readonly HistorySampleInput[]): LagHistory {
  const totals = new Map<number, number>();
  const series = new Map<string, PartitionLagSeries>();
  for (const s of samples) {
    totals.set(s.timestamp, (totals.get(s.timestamp) ?? 0) + s.lag);
    const key = `${s.topic}/${s.partition}`;
    let p = series.get(key);
    if (!p) {
      p = { topic: s.topic, partition: s.partition, points: [] };
      series.set(key, p);
    }
    p.points.push({ timestamp: s.timestamp, lag: s.lag });
  }
  const byTime = (a: LagPoint, b: LagPoint) => a.timestamp - b.timestamp;
  return {
    points: [...totals.entries()].map(([timestamp, lag]) => ({ timestamp, lag })).sort(byTime),
    partitions: [...series.values()]
      .map((p) => ({ ...p, points: p.points.sort(byTime) }))
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
  };
}
