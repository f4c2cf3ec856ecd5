import { bodyReadEntry, MAX_REASON_LENGTH, parseBodyReadRequest } from './body-read';

describe(parseBodyReadRequest.name, () => {
  it('accepts a reason, trimmed', () => {
    expect(parseBodyReadRequest({ reason: '  INC-7: which field fails?  ' })).toEqual({
      ok: true,
      request: { reason: 'INC-7: which field fails?' },
    });
  });

  it.each([
    [undefined, [{ path: 'reason', message: 'is required: say why you read this body' }]],
    [{}, [{ path: 'reason', message: 'is required: say why you read this body' }]],
    [{ reason: '   ' }, [{ path: 'reason', message: 'must not be blank' }]],
    [{ reason: 7 }, [{ path: 'reason', message: 'must be a string' }]],
    [
      { reason: 'x'.repeat(MAX_REASON_LENGTH + 1) },
      [{ path: 'reason', message: `must be at most ${MAX_REASON_LENGTH} characters` }],
    ],
    [{ reason: 'ok', operator: 'me' }, [{ path: 'operator', message: 'is not an allowed field' }]],
    [['reason'], [{ path: '$', message: 'must be a JSON object' }]],
  ])('refuses %j naming the field', (body, errors) => {
    expect(parseBodyReadRequest(body)).toEqual({ ok: false, errors });
  });
});

describe(bodyReadEntry.name, () => {
  it('records the operator, the record, the value shown and the reason', () => {
    const at = new Date('2026-03-14T10:00:00.000Z');
    const entry = bodyReadEntry(
      {
        topic: 'intel.seizure.reported.v1.dlq',
        partition: 0,
        offset: 7,
        value: { a: 1 },
        valueFormat: 'json',
      },
      '3f9c2a1b7d6e5f40',
      'INC-7',
      at,
    );
    expect(entry).toEqual({
      recordedAt: '2026-03-14T10:00:00.000Z',
      recipient: { type: 'OPERATOR', id: '3f9c2a1b7d6e5f40' },
      kind: 'DLQ_BODY_READ',
      subjectId: 'intel.seizure.reported.v1.dlq/0/7',
      channels: ['API'],
      disclosed: [
        {
          source: 'dlq-record',
          id: 'intel.seizure.reported.v1.dlq/0/7',
          fields: [
            { path: 'value', value: { a: 1 } },
            { path: 'valueFormat', value: 'json' },
          ],
        },
        {
          source: 'operator-request',
          id: 'intel.seizure.reported.v1.dlq/0/7',
          fields: [{ path: 'reason', value: 'INC-7' }],
        },
      ],
    });
  });
});
