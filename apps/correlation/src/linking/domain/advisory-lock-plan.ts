/**
 * Which advisory locks a report takes: every key it probes exclusively (it reads who else
 * carries them), every key it only indexes in shared mode (others probing it must wait; others
 * merely indexing it need not). Sorted, so every transaction locks in the same order.
 */
export function advisoryLockPlan(
  index: readonly string[],
  probe: readonly string[],
): { keys: string[]; exclusive: boolean[] } {
  const probed = new Set(probe);
  const keys = [...new Set([...index, ...probe])].sort();
  return { keys, exclusive: keys.map((k) => probed.has(k)) };
}
