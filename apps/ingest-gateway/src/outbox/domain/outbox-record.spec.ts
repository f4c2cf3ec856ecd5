import { Topics } from '@app/contracts';
import { outboxEntryFor, reportRef } from './outbox-record';

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
