import { producerHeaders, producerProblem, signingKeyOf } from '@app/identity';
import {
  decodeValue,
  dlqRecordRef,
  latestRanges,
  newestFirst,
  planReplay,
  toDlqRecordView,
  type DlqRawRecord,
} from './dlq-record';

const DLQ = 'intel.seizure.reported.v1.dlq';

function raw(overrides: Partial<DlqRawRecord> = {}): DlqRawRecord {
  return {
    partition: 0,
    offset: 41,
    timestamp: Date.UTC(2025, 0, 2, 3, 4, 5),
    key: Buffer.from('PK-ANF:CASE-1'),
    value: Buffer.from('{"eventId":"e-1","agencyId":"PK-ANF"}'),
    headers: {
      'event-id': 'e-1',
      'event-type': 'SeizureReported',
      'schema-version': '1',
      'dlq-reason': 'agencyCaseRef: must not be empty',
      'dlq-source-topic': 'intel.seizure.reported.v1',
      'dlq-source-partition': '3',
      'dlq-source-offset': '1207',
      'dlq-consumer-group': 'correlation',
      'dlq-failed-at': '2025-01-02T03:04:05.000Z',
    },
    ...overrides,
  };
}

describe(decodeValue.name, () => {
  it.each([
    ['JSON', Buffer.from('{"a":[1,2]}'), { value: { a: [1, 2] }, valueFormat: 'json' }],
    ['a JSON string', Buffer.from('"x"'), { value: 'x', valueFormat: 'json' }],
    ['text that is not JSON', Buffer.from('not json {'), { value: 'not json {', valueFormat: 'text' }],
    ['bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x00]), { value: '//4A', valueFormat: 'base64' }],
    ['no value (a tombstone)', null, { value: null, valueFormat: 'null' }],
  ])('decodes %s', (_name, bytes, expected) => {
    expect(decodeValue(bytes)).toEqual(expected);
  });
});

describe(toDlqRecordView.name, () => {
  it('shows where the record is, its key, size and the dlq-* reasons, never its body', () => {
    const record = raw();
    const view = toDlqRecordView(DLQ, record);
    expect(view).toEqual({
      topic: DLQ,
      partition: 0,
      offset: 41,
      timestamp: '2025-01-02T03:04:05.000Z',
      key: 'PK-ANF:CASE-1',
      sizeBytes: record.value!.length,
      headers: record.headers,
      withheldHeaders: [],
      dlq: {
        reason: 'agencyCaseRef: must not be empty',
        sourceTopic: 'intel.seizure.reported.v1',
        sourcePartition: 3,
        sourceOffset: '1207',
        consumerGroup: 'correlation',
        failedAt: '2025-01-02T03:04:05.000Z',
        replayedFrom: null,
      },
    });
    expect(JSON.stringify(view)).not.toContain('agencyId');
  });

  it("withholds the values of headers it cannot know to be free of personal data, and a tombstone's size is 0", () => {
    const view = toDlqRecordView(
      DLQ,
      raw({
        value: null,
        headers: { 'event-id': 'e-1', 'x-officer-name': 'AHMAD KARIMI', traceparent: '00-ab-cd-01' },
      }),
    );
    expect(view.headers).toEqual({ 'event-id': 'e-1', traceparent: '00-ab-cd-01' });
    expect(view.withheldHeaders).toEqual(['x-officer-name']);
    expect(view.sizeBytes).toBe(0);
    expect(JSON.stringify(view)).not.toContain('KARIMI');
  });

  it('reports missing dlq-* headers as null rather than failing', () => {
    const view = toDlqRecordView(DLQ, raw({ headers: {}, key: null }));
    expect(view.key).toBeNull();
    expect(view.dlq).toEqual({
      reason: null,
      sourceTopic: null,
      sourcePartition: null,
      sourceOffset: null,
      consumerGroup: null,
      failedAt: null,
      replayedFrom: null,
    });
  });
});

describe(planReplay.name, () => {
  it('sends the original key, bytes and headers back to the source topic with dlq-replayed-from', () => {
    const record = raw();
    const plan = planReplay(DLQ, record);
    expect(plan).toEqual({
      ok: true,
      record: {
        topic: 'intel.seizure.reported.v1',
        key: record.key,
        value: record.value,
        headers: {
          'event-id': 'e-1',
          'event-type': 'SeizureReported',
          'schema-version': '1',
          'dlq-replayed-from': 'intel.seizure.reported.v1.dlq/0/41',
        },
      },
    });
  });

  it("keeps a report's producer signature, so the replayed record still verifies (docs/security.md#records-bound-to-their-producer)", () => {
    const key = 'bik_0123456789abcdef_' + 'A'.repeat(43);
    const record = raw();
    const signature = producerHeaders(key, 'intel.seizure.reported.v1', 'PK-ANF:CASE-1', record.value);
    const plan = planReplay(DLQ, raw({ headers: { ...record.headers, ...signature } }));
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.record.headers).toMatchObject(signature);
    const stored = {
      principal: { keyId: '0123456789abcdef', role: 'publisher' as const, agencyId: 'PK-ANF' },
      secretHash: signingKeyOf(key)!.secretHash,
      revoked: false,
    };
    const replayed = {
      topic: plan.record.topic,
      key: String(plan.record.key),
      value: plan.record.value as Buffer,
      headers: plan.record.headers,
      claimedAgencyId: 'PK-ANF',
    };
    expect(producerProblem(replayed, stored)).toBeNull();
  });

  it('replaces the replay header of a record that failed again after an earlier replay', () => {
    const plan = planReplay(
      DLQ,
      raw({ offset: 50, headers: { 'event-id': 'e-1', 'dlq-replayed-from': `${DLQ}/0/41` } }),
    );
    expect(plan.ok && plan.record.headers).toEqual({
      'event-id': 'e-1',
      'dlq-replayed-from': `${DLQ}/0/50`,
    });
  });

  it('takes the source topic from the DLQ name when the header is missing', () => {
    const plan = planReplay(DLQ, raw({ headers: { 'event-id': 'e-1' } }));
    expect(plan.ok && plan.record.topic).toBe('intel.seizure.reported.v1');
  });

  it.each([
    [
      'a source header naming another topic',
      DLQ,
      { headers: { 'dlq-source-topic': 'intel.case.linked.v1' } },
      /names intel\.case\.linked\.v1/,
    ],
    ['a topic that is not a DLQ', 'intel.seizure.reported.v1', {}, /not a DLQ topic/],
    ['a record without a value', DLQ, { value: null }, /tombstone/],
  ] as [string, string, Partial<DlqRawRecord>, RegExp][])('refuses %s', (_name, topic, overrides, reason) => {
    const plan = planReplay(topic, raw(overrides));
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.reason).toMatch(reason);
  });
});

describe(dlqRecordRef.name, () => {
  it('joins topic, partition and offset with slashes (the dlq-replayed-from header)', () => {
    expect(dlqRecordRef('a.v1.dlq', 2, 7)).toBe('a.v1.dlq/2/7');
  });
});

describe(latestRanges.name, () => {
  it.each([
    [{ partition: 0, low: 0, high: 25 }, 10, { partition: 0, from: 15, to: 25 }],
    [{ partition: 1, low: 20, high: 25 }, 10, { partition: 1, from: 20, to: 25 }],
    [{ partition: 2, low: 9, high: 9 }, 10, { partition: 2, from: 9, to: 9 }],
  ])('%j, newest %i → %j', (p, n, expected) => {
    expect(latestRanges([p], n)).toEqual([expected]);
  });
});

describe(newestFirst.name, () => {
  it('orders by timestamp descending and keeps n', () => {
    const rs = [
      { partition: 0, offset: 1, timestamp: 10 },
      { partition: 1, offset: 5, timestamp: 30 },
      { partition: 0, offset: 2, timestamp: 20 },
    ];
    expect(newestFirst(rs, 2).map((r) => `${r.partition}/${r.offset}`)).toEqual(['1/5', '0/2']);
  });
});
