import { byTopic, type OutboxRow } from './outbox-batches';

const row = (id: string, topic: string): OutboxRow => ({ id, topic, key: 'k', headers: {}, payload: '{}' });

describe(byTopic.name, () => {
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
