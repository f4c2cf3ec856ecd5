import type { Producer, ProducerRecord } from 'kafkajs';
import { Topics } from '@app/contracts';
import { RouteReportBuilder, SeizureReportBuilder } from './builders';
import { eventMessage, publishReports, reportRecord } from './kafka-records';

describe(reportRecord.name, () => {
  it('keys a seizure by agency and case reference on its topic, with the event headers', () => {
    const seizure = SeizureReportBuilder.valid().withCaseRef('ANF-1').build();
    expect(reportRecord(seizure)).toEqual({
      topic: Topics.SeizureReported,
      message: {
        key: 'PK-ANF:ANF-1',
        value: JSON.stringify(seizure),
        headers: { 'event-id': seizure.eventId, 'event-type': 'SeizureReported', 'schema-version': '1' },
      },
    });
  });

  it('keys a route by agency and route reference on the route topic, or by the key given', () => {
    const route = RouteReportBuilder.valid().withRouteRef('RT-9').build();
    const { topic, message } = reportRecord(route);
    expect([topic, message.key, message.headers?.['event-type']]).toEqual([
      Topics.RouteReported,
      'AF-CNPA:RT-9',
      'RouteReported',
    ]);
    expect(reportRecord(route, 'bulk-1').message.key).toBe('bulk-1');
  });
});

describe(publishReports.name, () => {
  it('sends the reports in order, one send per topic, waiting for all replicas', async () => {
    const sent: ProducerRecord[] = [];
    const producer = {
      send: (record: ProducerRecord) => {
        sent.push(record);
        return Promise.resolve(
          record.messages.map((_, i) => ({
            topicName: record.topic,
            partition: 0,
            errorCode: 0,
            baseOffset: String(i),
          })),
        );
      },
    } as unknown as Producer;
    const [s1, r1, s2] = [
      SeizureReportBuilder.valid().build(),
      RouteReportBuilder.valid().build(),
      SeizureReportBuilder.valid().build(),
    ];
    const meta = await publishReports(producer, [s1, r1, s2]);
    expect(sent.map((r) => [r.topic, r.acks, r.messages.map((m) => m.headers?.['event-id'])])).toEqual([
      [Topics.SeizureReported, -1, [s1.eventId, s2.eventId]],
      [Topics.RouteReported, -1, [r1.eventId]],
    ]);
    expect(meta).toHaveLength(3);
  });
});

describe(eventMessage.name, () => {
  it('carries the key, the value and the three event headers', () => {
    expect(eventMessage('CaseLinked', 'e-1', 'cluster-1', '{}')).toEqual({
      key: 'cluster-1',
      value: '{}',
      headers: { 'event-id': 'e-1', 'event-type': 'CaseLinked', 'schema-version': '1' },
    });
  });
});
