/** Something a spec starts and must stop: a service, a probe or a receiver (stop), a Kafka client (disconnect). */
export type Stoppable = { stop(): Promise<unknown> } | { disconnect(): Promise<unknown> };

/**
 * Stops what a spec started, one after the other in the order given (the last started first, as
 * a rule). What is undefined (a beforeAll that failed before starting it) is skipped.
 */
export async function stopAll(...started: (Stoppable | undefined)[]): Promise<void> {
  for (const s of started) {
    if (s === undefined) continue;
    await ('stop' in s ? s.stop() : s.disconnect());
  }
}
