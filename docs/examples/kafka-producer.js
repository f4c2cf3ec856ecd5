#!/usr/bin/env node
// Publishing a SeizureReport straight to Kafka instead of calling the ingest gateway
// (docs/contract.md#publishing-directly-to-kafka; the topic is described in docs/asyncapi.yaml):
// value = the report JSON exactly as the HTTP body, key `<agencyId>:<agencyCaseRef>`, headers
// event-id (= the report's eventId), event-type, schema-version 1, and the producer-key and
// producer-mac headers that sign it with one of the agency's publisher API keys (made with
// `npx intelctl keys create --agency PK-ANF --role publisher`); an idempotent producer with
// acks=all. A record that fails validation, or is not signed by a key of the agency it names,
// goes to intel.seizure.reported.v1.dlq with the reason.
//
//   PUBLISHER_KEY=bik_… KAFKA_BROKERS=127.0.0.1:9092 node docs/examples/kafka-producer.js
//
// Against a production cluster add TLS and SASL (deploy/README.md, "ACLs of agencies that
// produce directly"). This example uses kafkajs, the client the project itself uses.
'use strict';
const { createHash, createHmac, randomUUID } = require('node:crypto');
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

/**
 * The signature headers of a record (docs/contract.md#publishing-directly-to-kafka): the key id,
 * and an HMAC-SHA256 of topic, key and value keyed with the SHA-256 of the key's secret.
 */
function producerHeaders(apiKey, topic, key, value) {
  const m = /^bik_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(apiKey);
  if (!m) throw new Error('PUBLISHER_KEY must be a publisher API key (bik_<keyId>_<secret>)');
  const macKey = createHash('sha256').update(m[2], 'utf8').digest();
  const mac = createHmac('sha256', macKey).update(`border-intel record v1\n${topic}\n${key}\n`).update(value);
  return { 'producer-key': m[1], 'producer-mac': mac.digest('base64url') };
}

/** The Kafka record of a report: key, value and the record headers of docs/contract.md#record-headers, signed with `apiKey`. */
function seizureRecord(report, apiKey, correlationId) {
  const key = `${report.agencyId}:${report.agencyCaseRef}`;
  const value = JSON.stringify(report);
  return {
    key,
    value,
    headers: {
      'event-id': report.eventId,
      'event-type': 'SeizureReported',
      'schema-version': '1',
      ...(correlationId ? { 'correlation-id': correlationId } : {}),
      ...producerHeaders(apiKey, TOPIC, key, value),
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
    const record = seizureRecord(report, process.env.PUBLISHER_KEY || '');
    const [meta] = await producer.send({ topic: TOPIC, acks: -1, messages: [record] });
    console.log(`sent ${report.eventId} to ${TOPIC} partition ${meta.partition} offset ${meta.baseOffset}`);
  } finally {
    await producer.disconnect();
  }
}

module.exports = { TOPIC, seizureReport, seizureRecord, producerHeaders };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
