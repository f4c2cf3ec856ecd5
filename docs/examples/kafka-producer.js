#!/usr/bin/env node
// Publishing a SeizureReport straight to Kafka instead of calling the ingest gateway
// (docs/contract.md#publishing-directly-to-kafka; the topic is described in docs/asyncapi.yaml):
// value = the report JSON exactly as the HTTP body, key `<agencyId>:<agencyCaseRef>`, headers
// event-id (= the report's eventId), event-type, schema-version 1; an idempotent producer with
// acks=all. A record that fails validation goes to intel.seizure.reported.v1.dlq.
//
//   KAFKA_BROKERS=127.0.0.1:9092 node docs/examples/kafka-producer.js
//
// Against a production cluster add TLS and SASL (deploy/README.md, "ACLs of agencies that
// produce directly"). This example uses kafkajs, the client the project itself uses.
'use strict';
const { randomUUID } = require('node:crypto');
const { Kafka, Partitioners } = require('kafkajs');

const TOPIC = 'intel.seizure.reported.v1';

/** A seizure report of one agency case (docs/contract.md#seizurereport). */
function seizureReport(now = new Date()) {
  return {
    eventId: randomUUID(), // keep it with your case: re-sending the same report must reuse it
    agencyId: 'PK-ANF',
    reportedAt: now.toISOString(),
    classification: { tlp: 'AMBER' },
    category: 'DRUGS',
    agencyCaseRef: 'ANF-PES-2026-0412',
    occurredAt: new Date(now.getTime() - 3600_000).toISOString(),
    location: { crossingPoint: 'TORKHAM', country: 'PK' },
    commodities: [{ type: 'HEROIN', quantity: 42.5, unit: 'KG' }],
    conveyances: [{ kind: 'TRUCK', plate: 'KBL 4521', plateCountry: 'AF' }],
    persons: [{ role: 'DRIVER', name: 'Example Driver', nationality: 'AF' }],
  };
}

/** The Kafka record of a report: key, value and the record headers of docs/contract.md#record-headers. */
function seizureRecord(report, correlationId) {
  return {
    key: `${report.agencyId}:${report.agencyCaseRef}`,
    value: JSON.stringify(report),
    headers: {
      'event-id': report.eventId,
      'event-type': 'SeizureReported',
      'schema-version': '1',
      ...(correlationId ? { 'correlation-id': correlationId } : {}),
    },
  };
}

async function main() {
  const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
  const kafka = new Kafka({ clientId: 'agency-direct-producer-example', brokers });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    // murmur2 of the key, as the Java client and the ingest gateway's relay partition: every report
    // of one agency case lands on the same partition however it was published.
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const report = seizureReport();
    const [meta] = await producer.send({ topic: TOPIC, acks: -1, messages: [seizureRecord(report)] });
    console.log(`sent ${report.eventId} to ${TOPIC} partition ${meta.partition} offset ${meta.baseOffset}`);
  } finally {
    await producer.disconnect();
  }
}

module.exports = { TOPIC, seizureReport, seizureRecord };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
