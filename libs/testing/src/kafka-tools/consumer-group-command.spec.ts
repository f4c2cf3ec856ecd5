import { parseConsumerGroupDescribe } from './consumer-group-command';

// Output of kafka-tools 4.4.0, copied from a real run.
const NO_MEMBERS = `
Consumer group 'ops-xcheck-1' has no active members.

GROUP         TOPIC             PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID
ops-xcheck-1  ops-xcheck-t-1    0          5               12              7               -               -               -
ops-xcheck-1  ops-xcheck-t-1    1          0               15              15              -               -               -
ops-xcheck-1  ops-xcheck-t-1    2          10              10              0               -               -               -
`;

const WITH_MEMBER = `
GROUP   TOPIC  PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  CONSUMER-ID                                  HOST        CLIENT-ID
g       t      0          -               4               -    app-1-5b1f0a2e-9c1d-4d55-8a5e-2f6c0b3a1e77  /127.0.0.1  app-1
`;

describe(parseConsumerGroupDescribe.name, () => {
  it('reads every partition row of a group without members', () => {
    expect(
      parseConsumerGroupDescribe(NO_MEMBERS).map((r) => [
        r.topic,
        r.partition,
        r.currentOffset,
        r.logEndOffset,
        r.lag,
      ]),
    ).toEqual([
      ['ops-xcheck-t-1', 0, 5, 12, 7],
      ['ops-xcheck-t-1', 1, 0, 15, 15],
      ['ops-xcheck-t-1', 2, 10, 10, 0],
    ]);
  });

  it('reads "-" as unknown and keeps the member columns', () => {
    expect(parseConsumerGroupDescribe(WITH_MEMBER)).toEqual([
      {
        group: 'g',
        topic: 't',
        partition: 0,
        currentOffset: null,
        logEndOffset: 4,
        lag: null,
        consumerId: 'app-1-5b1f0a2e-9c1d-4d55-8a5e-2f6c0b3a1e77',
        host: '/127.0.0.1',
        clientId: 'app-1',
      },
    ]);
  });

  it.each([
    ['an empty output', ''],
    ['a group that does not exist', "Error: Consumer group 'nope' does not exist.\n"],
    ['rows before any header', 'g t 0 1 2 1 - - -\n'],
  ])('returns no rows for %s', (_name, stdout) => {
    expect(parseConsumerGroupDescribe(stdout)).toEqual([]);
  });

  it('fails loudly on a number column that is not a number', () => {
    const bad =
      'GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID\ng t 0 x 2 1 - - -\n';
    expect(() => parseConsumerGroupDescribe(bad)).toThrow(/CURRENT-OFFSET "x" is not a number/);
  });
});
