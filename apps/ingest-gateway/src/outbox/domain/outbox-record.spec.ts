import { Topics } from '@app/contracts';
import { outboxEntryFor, OutboxRow, planRelayBatch, recordBytes, reportRef } from './outbox-record';

const seizure = { eventId: 'e-1', agencyId: 'PK-ANF', agencyCaseRef: 'ANF-1' };
const route = { eventId: 'e-2', agencyId: 'AF-CNPA', routeRef: 'RT-9' };

describe(outboxEntryFor.name, () => {
  it.each([
    ['seizure', seizure, Topics.SeizureReported, 'PK-ANF:ANF-1', 'SeizureReported'],
    ['route', route, Topics.RouteReported, 'AF-CNPA:RT-9', 'RouteReported'],
  ] as const)('maps a %s report to its topic, key and headers', (kind, report, topic, key, eventType) => {
    const entry = outboxEntryFor(kind, report, '{"x":1}', 'corr-7');
    expect(entry).toEqual({
      topic,
      key,
      value: '{"x":1}',
      headers: {
        'event-id': report.eventId,
        'event-type': eventType,
        'schema-version': '1',
        'correlation-id': 'corr-7',
      },
    });
  });

  it('leaves out the correlation-id header when there is none', () => {
    expect(outboxEntryFor('seizure', seizure, '{}', undefined).headers).not.toHaveProperty('correlation-id');
  });
});

describe(reportRef.name, () => {
  it('refuses a report without the reference of its kind', () => {
    expect(() => reportRef('route', seizure)).toThrow(/without its reference/);
  });
});

describe(planRelayBatch.name, () => {
  const row = (id: number, topic: string, key: string, size = 10): OutboxRow => ({
    id: String(id),
    eventId: `e-${id}`,
    topic,
    key,
    value: 'v'.repeat(size),
    headers: { 'event-id': `e-${id}` },
  });

  it('groups rows by topic and keeps each topic in id order', () => {
    const rows = [row(1, 'a', 'k1'), row(2, 'b', 'k2'), row(3, 'a', 'k1'), row(4, 'b', 'k3')];
    const batch = planRelayBatch(rows, 1e6);
    expect(batch.ids).toEqual(['1', '2', '3', '4']);
    expect(batch.eventIds).toEqual(['e-1', 'e-2', 'e-3', 'e-4']);
    expect(batch.topics.map((t) => [t.topic, t.records.map((r) => r.headers['event-id'])])).toEqual([
      ['a', ['e-1', 'e-3']],
      ['b', ['e-2', 'e-4']],
    ]);
  });

  it('cuts at the byte budget, keeping a prefix so later rows wait for the next round', () => {
    const rows = [row(1, 'a', 'k', 100), row(2, 'a', 'k', 100), row(3, 'a', 'k', 100)];
    const one = recordBytes(rows[0]);
    const batch = planRelayBatch(rows, one * 2 + 1);
    expect(batch.ids).toEqual(['1', '2']);
    expect(batch.bytes).toBe(one * 2);
  });

  it('always takes the first row, even when it alone is over the budget', () => {
    expect(planRelayBatch([row(1, 'a', 'k', 500), row(2, 'a', 'k')], 100).ids).toEqual(['1']);
  });

  it('plans nothing from no rows', () => {
    expect(planRelayBatch([], 100)).toEqual({ ids: [], eventIds: [], topics: [], bytes: 0 });
  });
});
