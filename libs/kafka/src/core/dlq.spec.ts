import { buildDlqRecord } from './dlq';

describe(buildDlqRecord.name, () => {
  const failed = {
    topic: 'intel.seizure.reported.v1',
    partition: 2,
    offset: '41',
    key: 'PK-ANF:C-1',
    value: Buffer.from('{"bad":true}'),
    headers: { 'event-id': 'e1', 'event-type': 'SeizureReported', 'schema-version': '1' },
  };

  it('keeps key, bytes and headers and adds the dlq-* headers', () => {
    const r = buildDlqRecord(failed, 'correlation', 'location: must be given');
    expect(r.topic).toBe('intel.seizure.reported.v1.dlq');
    expect(r.message.key).toBe('PK-ANF:C-1');
    expect(r.message.value).toBe(failed.value);
    expect(r.message.headers).toMatchObject({
      'event-id': 'e1',
      'dlq-reason': 'location: must be given',
      'dlq-source-topic': 'intel.seizure.reported.v1',
      'dlq-source-partition': '2',
      'dlq-source-offset': '41',
      'dlq-consumer-group': 'correlation',
    });
  });

  it('truncates very long reasons', () => {
    const r = buildDlqRecord(failed, 'g', 'x'.repeat(10000));
    expect(r.message.headers['dlq-reason'].length).toBe(4000);
  });
});
