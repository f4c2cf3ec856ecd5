import { isDlqTopic, sourceTopicOfDlq, toTopicView, toTopicViews } from './topic-view';

describe(toTopicView.name, () => {
  it('sums high - low over partitions and lists partitions in order', () => {
    const view = toTopicView({
      topic: 'intel.route.reported.v1',
      partitions: [
        { partition: 2, low: 0, high: 10 },
        { partition: 0, low: 5, high: 17 },
        { partition: 1, low: 0, high: 15 },
      ],
    });
    expect(view).toEqual({
      name: 'intel.route.reported.v1',
      partitions: 3,
      records: 37,
      dlq: false,
      endOffsets: [
        { partition: 0, startOffset: 5, endOffset: 17, records: 12 },
        { partition: 1, startOffset: 0, endOffset: 15, records: 15 },
        { partition: 2, startOffset: 0, endOffset: 10, records: 10 },
      ],
    });
  });

  it('counts an emptied partition (all records deleted by retention) as zero', () => {
    const view = toTopicView({ topic: 't', partitions: [{ partition: 0, low: 42, high: 42 }] });
    expect(view.records).toBe(0);
    expect(view.endOffsets[0]).toEqual({ partition: 0, startOffset: 42, endOffset: 42, records: 0 });
  });
});

describe(toTopicViews.name, () => {
  it('sorts topics by name and marks DLQs', () => {
    const views = toTopicViews([
      { topic: 'b.v1.dlq', partitions: [{ partition: 0, low: 0, high: 2 }] },
      { topic: 'a.v1', partitions: [] },
      { topic: 'b.v1', partitions: [{ partition: 0, low: 0, high: 9 }] },
    ]);
    expect(views.map((v) => [v.name, v.dlq, v.records])).toEqual([
      ['a.v1', false, 0],
      ['b.v1', false, 9],
      ['b.v1.dlq', true, 2],
    ]);
  });
});

describe('DLQ topic names', () => {
  // A topic and the topic it is the DLQ of (null: not a DLQ name).
  it.each([
    ['intel.seizure.reported.v1.dlq', 'intel.seizure.reported.v1'],
    ['intel.seizure.reported.v1', null],
    ['.dlq', null],
    ['x.dlqs', null],
  ])('%s is the DLQ of %s', (topic, source) => {
    expect(isDlqTopic(topic)).toBe(source !== null);
    expect(sourceTopicOfDlq(topic)).toBe(source);
  });
});
