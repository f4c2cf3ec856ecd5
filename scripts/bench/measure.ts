// What the benchmarks measure with: percentiles of sorted samples (also second by second) and
// the CPU time of a process.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

/** The p-th percentile (nearest rank) of ascending samples; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** p50 and p99 of the samples of each second, in order of the second: [second, milliseconds] pairs. */
export function percentilesBySecond(
  samples: Iterable<readonly [number, number]>,
): { second: number; p50: number; p99: number }[] {
  const groups = new Map<number, number[]>();
  for (const [second, ms] of samples) {
    const g = groups.get(second);
    if (g) g.push(ms);
    else groups.set(second, [ms]);
  }
  return [...groups]
    .sort((a, b) => a[0] - b[0])
    .map(([second, ms]) => {
      ms.sort((a, b) => a - b);
      return { second, p50: percentile(ms, 50), p99: percentile(ms, 99) };
    });
}

/** `second: p50/p99` for each second, comma-separated, the milliseconds with `digits` decimals. */
export function formatBySecond(
  rows: readonly { second: number; p50: number; p99: number }[],
  digits = 0,
): string {
  return rows.map((b) => `${b.second}: ${b.p50.toFixed(digits)}/${b.p99.toFixed(digits)}`).join(', ');
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, nearly always 100). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used so far; 0 once it is gone or on a system without /proc. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is [0], utime [11], stime [12].
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by each PostgreSQL backend serving database `db`, by pid. */
export async function postgresBackendsCpu(
  admin: { query<R>(text: string, values: unknown[]): Promise<{ rows: R[] }> },
  db: string,
): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
    db,
  ]);
  return new Map(rows.map((r) => [r.pid, processCpuSeconds(r.pid)]));
}

/** CPU seconds the backends used between two samples (a backend that appeared in between counts from zero). */
export function backendsCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, s] of after) seconds += Math.max(0, s - (before.get(pid) ?? 0));
  return seconds;
}
