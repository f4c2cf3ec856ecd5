import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One row of `ConsumerGroupCommand --describe --group G`; offsets and lag are null where it prints `-`. */
export interface ConsumerGroupCommandRow {
  group: string;
  topic: string;
  partition: number;
  currentOffset: number | null;
  logEndOffset: number | null;
  lag: number | null;
  consumerId: string | null;
  host: string | null;
  clientId: string | null;
}

type Column =
  | 'GROUP'
  | 'TOPIC'
  | 'PARTITION'
  | 'CURRENT-OFFSET'
  | 'LOG-END-OFFSET'
  | 'LAG'
  | 'CONSUMER-ID'
  | 'HOST'
  | 'CLIENT-ID';

/**
 * Parses the table Kafka's `ConsumerGroupCommand --describe --group G` prints (kafka-tools 3.x/4.x):
 * a header line naming the columns, then one whitespace-separated row per partition; notes such
 * as "Consumer group 'G' has no active members." are skipped. Columns are found by name, so an
 * added column does not shift the others. Group and topic names never contain whitespace.
 */
export function parseConsumerGroupDescribe(stdout: string): ConsumerGroupCommandRow[] {
  const lines = stdout.split(/\r?\n/);
  const rows: ConsumerGroupCommandRow[] = [];
  let header: string[] | null = null;
  for (const line of lines) {
    const cells = line.trim().split(/\s+/).filter(Boolean);
    if (cells.length === 0) continue;
    if (cells[0] === 'GROUP' && cells.includes('CURRENT-OFFSET')) {
      header = cells;
      continue;
    }
    if (!header || cells.length < header.length) continue;
    const at = (name: Column): string | null => {
      const i = header!.indexOf(name);
      const v = i >= 0 ? cells[i] : undefined;
      return v === undefined || v === '-' ? null : v;
    };
    const num = (name: Column): number | null => {
      const v = at(name);
      if (v === null) return null;
      if (!/^-?\d+$/.test(v))
        throw new Error(`ConsumerGroupCommand: ${name} "${v}" is not a number in: ${line}`);
      return Number(v);
    };
    rows.push({
      group: at('GROUP')!,
      topic: at('TOPIC')!,
      partition: num('PARTITION')!,
      currentOffset: num('CURRENT-OFFSET'),
      logEndOffset: num('LOG-END-OFFSET'),
      lag: num('LAG'),
      consumerId: at('CONSUMER-ID'),
      host: at('HOST'),
      clientId: at('CLIENT-ID'),
    });
  }
  return rows;
}

/** The classpath of the Kafka jars (kafka-tools included), from `scripts/kafka-local.sh tools-classpath`. */
export async function kafkaToolsClasspath(repoRoot = process.cwd()): Promise<string> {
  const { stdout } = await run(
    'bash',
    [path.join(repoRoot, 'scripts', 'kafka-local.sh'), 'tools-classpath'],
    {
      cwd: repoRoot,
      timeout: 600_000,
    },
  );
  return stdout.trim();
}

/** Runs Kafka's own `ConsumerGroupCommand --describe --group <groupId>` and parses its table. */
export async function describeGroupWithKafkaTools(
  groupId: string,
  opts: { bootstrapServer?: string; classpath?: string; repoRoot?: string } = {},
): Promise<{ rows: ConsumerGroupCommandRow[]; stdout: string }> {
  const classpath = opts.classpath ?? (await kafkaToolsClasspath(opts.repoRoot));
  const bootstrap = opts.bootstrapServer ?? (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')[0];
  const { stdout } = await run(
    'java',
    [
      '-cp',
      classpath,
      'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
      '--bootstrap-server',
      bootstrap,
      '--describe',
      '--group',
      groupId,
    ],
    { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  return { rows: parseConsumerGroupDescribe(stdout), stdout };
}
