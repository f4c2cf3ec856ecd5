import { byTopic, OutboxRow, planRelayBatch, recordBytes } from './relay-batch';

describe(byTopic.name, () => {
  const row = (id: string, topic: string) => ({ id, topic });

  it.each([
    [[], []],
    [[row('1', 'a')], [['a', ['1']]]],
    [
      [row('1', 'a'), row('2', 'a'), row('3', 'b'), row('4', 'a'), row('5', 'c'), row('6', 'b')],
      [
        ['a', ['1', '2', '4']],
        ['b', ['3', '6']],
        ['c', ['5']],
      ],
    ],
  ])('groups by topic, keeping id order within each %#', (rows, expected) => {
    expect(byTopic(rows).map((r) => [r.topic, r.rows.map((x) => x.id)])).toEqual(expected);
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
