import { parseBatchEnvelope } from './batch-envelope';

describe(parseBatchEnvelope.name, () => {
  it.each([
    ['not an object', [], '$'],
    ['no reports', {}, 'reports'],
    ['reports not an array', { reports: {} }, 'reports'],
    ['an empty list', { reports: [] }, 'reports'],
    ['too many items', { reports: [{}, {}, {}] }, 'reports'],
    ['an unknown top-level field', { reports: [{}], extra: 1 }, 'extra'],
  ])('fails the whole request for %s', (_name, body, path) => {
    const r = parseBatchEnvelope(body, 2);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.path)).toContain(path);
  });

  it('passes good items through and fails only the bad ones, in order', () => {
    const r = parseBatchEnvelope({
      reports: [
        { type: 'seizure', report: { eventId: 'a' } },
        { type: 'parcel', report: { eventId: 'b' } },
        { type: 'route' },
        'nope',
        { type: 'route', report: { eventId: 'e' }, note: 'x' },
        { type: 'route', report: 42 },
      ],
    });
    if (!r.ok) throw new Error('envelope rejected');
    expect(r.items).toEqual([
      { ok: true, kind: 'seizure', report: { eventId: 'a' } },
      { ok: false, eventId: 'b', errors: [{ path: 'type', message: 'must be one of seizure, route' }] },
      { ok: false, errors: [{ path: '$', message: 'report is missing' }] },
      { ok: false, errors: [{ path: '$', message: expect.stringMatching(/JSON object/) as string }] },
      {
        ok: false,
        eventId: 'e',
        errors: [{ path: 'note', message: 'is not an allowed field of a batch item' }],
      },
      // the report's own validation answers for a report that is not an object
      { ok: true, kind: 'route', report: 42 },
    ]);
  });
});
