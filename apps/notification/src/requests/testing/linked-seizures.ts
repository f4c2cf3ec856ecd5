// Test fixture shared by the request-for-information and desk integration specs: an ABP seizure
// at Torkham and an ANF seizure in Peshawar of the same truck (same plate), published on the
// report topic and linked by a CaseLinked record carrying both, as correlation would publish it.
import { randomInt, randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { Topics, type CaseLinkedEvent } from '@app/contracts';
import { eventMessage, publishReports, SeizureReportBuilder } from '@app/testing';

type Report = Record<string, unknown> & { eventId: string; agencyId: string; agencyCaseRef: string };

/** What a linked pair is made of, with the values a test looks for. */
export interface LinkedSeizures {
  abp: Report;
  anf: Report;
  link: CaseLinkedEvent;
  driverName: string;
  driverPhone: string;
  migrantName: string;
}

/**
 * Publishes both seizures and their link. The ANF seizure names the driver (name, phone) and a
 * smuggled migrant (a protected person: never released). `ownerAgency` publishes the driver.
 */
export async function publishLinkedSeizures(
  producer: Producer,
  agencies: { asker: string; owner: string } = { asker: 'AF-ABP', owner: 'PK-ANF' },
): Promise<LinkedSeizures> {
  const n = String(randomInt(1000, 9999));
  const plate = `KBL ${n}`;
  const driverName = `Gul Muhammad Khan ${n}`;
  const driverPhone = `+93 70 753 ${n}`;
  const migrantName = `Protected Traveller ${n}`;
  const abp = SeizureReportBuilder.bare(agencies.asker)
    .withTlp('AMBER')
    .withPlate(plate, 'AF')
    .build() as unknown as Report;
  const anf = SeizureReportBuilder.bare(agencies.owner)
    .withTlp('AMBER')
    .withPlate(plate, 'AF')
    .withPerson({ role: 'DRIVER', name: driverName, nationality: 'AF', phones: [driverPhone] })
    .withPerson({ role: 'SMUGGLED_MIGRANT', name: migrantName, nationality: 'AF' })
    .build() as unknown as Report;
  await publishReports(producer, [abp]);
  await publishReports(producer, [anf]);
  const side = (r: Report) => ({
    agencyCaseId: `seizure:${r.agencyId}:${r.agencyCaseRef}`,
    agencyId: r.agencyId,
    kind: 'seizure' as const,
    ref: r.agencyCaseRef,
    eventIds: [r.eventId],
    reports: [{ eventId: r.eventId, body: r }],
  });
  const link: CaseLinkedEvent = {
    eventId: randomUUID(),
    linkId: randomUUID(),
    clusterId: randomUUID(),
    createdAt: new Date().toISOString(),
    a: side(abp),
    b: side(anf),
    score: 0.95,
    reasons: [
      {
        feature: 'PLATE',
        weight: 0.95,
        detail: `plate ${plate.replace(' ', '')} (AF)`,
        sources: ['conveyances[0].plate', 'conveyances[0].plate'],
      },
    ],
    crossBorder: agencies.asker.slice(0, 2) !== agencies.owner.slice(0, 2),
    weak: false,
    capped: [],
    countries: [...new Set([agencies.asker.slice(0, 2), agencies.owner.slice(0, 2)])].sort(),
    clusterAgencies: [agencies.asker, agencies.owner].sort(),
    triggeredByEventId: anf.eventId,
  };
  await producer.send({
    topic: Topics.CaseLinked,
    acks: -1,
    messages: [eventMessage('CaseLinked', link.eventId, link.clusterId, JSON.stringify(link))],
  });
  return { abp, anf, link, driverName, driverPhone, migrantName };
}
