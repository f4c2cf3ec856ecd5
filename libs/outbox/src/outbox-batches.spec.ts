import { topicRuns, type OutboxRow } from './outbox-batches';

const row = (id: string, topic: string): OutboxRow => ({ id, topic, key: 'k', headers: {}, payload: '{}' });

describe(topicRuns.name, () => {
  it.each([
    [[], []],
    [[row('1', 'a')], [['a', ['1']]]],
    [
      [row('1', 'a'), row('2', 'a'), row('3', 'b'), row('4', 'a')],
      [
        ['a', ['1', '2']],
        ['b', ['3']],
        ['a', ['4']],
      ],
    ],
  ])('keeps id order across topics %#', (rows, expected) => {
    expect(topicRuns(rows).map((r) => [r.topic, r.rows.map((x) => x.id)])).toEqual(expected);
  });
});
