import type { DataSource } from 'typeorm';
import { eventually, type EventuallyOptions } from './eventually';

/**
 * Waits until each of `eventIds` has a row in `table` (by its `event_id` column): a consumer has
 * stored what a test published. Tries every 100 ms for up to 30 s unless `options` say otherwise.
 */
export async function untilStored(
  db: Pick<DataSource, 'query'>,
  table: string,
  eventIds: readonly string[],
  options: EventuallyOptions = {},
): Promise<void> {
  const ids = new Set(eventIds);
  await eventually(
    async () => {
      const [{ n }] = await db.query<{ n: string }[]>(
        `SELECT count(DISTINCT event_id) AS n FROM ${table} WHERE event_id = ANY($1)`,
        [eventIds],
      );
      if (Number(n) < ids.size) throw new Error(`${n} of ${ids.size} stored`);
    },
    {
      timeoutMs: 30_000,
      what: `${ids.size === 1 ? `event ${eventIds[0]}` : `${ids.size} events`} in ${table}`,
      ...options,
    },
  );
}
