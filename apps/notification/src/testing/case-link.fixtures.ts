import { randomInt, randomUUID } from 'node:crypto';
import type { CaseLinkedEvent, TlpLevel } from '@app/contracts';
import { SeizureReportBuilder } from '@app/testing';

// Fixtures of the notification specs: seizures that match on one container, and the
// CaseLinked correlation would publish for two of them.

export type Report = Record<string, unknown> & { eventId: string; agencyId: string; agencyCaseRef: string };

/** A seizure of `agencyId` carrying one container number and nothing else to match on. */
export function seizure(
  agencyId: string,
  containerNumber: string,
  tlp: TlpLevel = 'GREEN',
): SeizureReportBuilder {
  return SeizureReportBuilder.valid()
    .withAgency(agencyId)
    .withCaseRef()
    .withTlp(tlp)
    .without('conveyances')
    .withContainer(containerNumber);
}

export function container(): string {
  return `MSCU${String(randomInt(0, 9999999)).padStart(7, '0')}`;
}

/** A CaseLinked as correlation would publish it for two seizures sharing a container. */
export function linkOf(a: Report, b: Report, opts: Partial<CaseLinkedEvent> = {}): CaseLinkedEvent {
  const side = (r: Report) => ({
    agencyCaseId: `seizure:${r.agencyId}:${r.agencyCaseRef}`,
    agencyId: r.agencyId,
    kind: 'seizure' as const,
    ref: r.agencyCaseRef,
    eventIds: [r.eventId],
  });
  const containerA = (a.conveyances as { containerNumber: string }[])[0].containerNumber;
  return {
    eventId: randomUUID(),
    linkId: randomUUID(),
    clusterId: randomUUID(),
    createdAt: new Date().toISOString(),
    a: side(a),
    b: side(b),
    score: 0.97,
    reasons: [
      {
        feature: 'CONTAINER',
        weight: 0.97,
        detail: `container ${containerA} in both`,
        sources: ['conveyances[0].containerNumber', 'conveyances[0].containerNumber'],
      },
    ],
    crossBorder: a.agencyId.slice(0, 2) !== b.agencyId.slice(0, 2),
    weak: false,
    capped: [],
    countries: [...new Set([a.agencyId.slice(0, 2), b.agencyId.slice(0, 2)])].sort(),
    triggeredByEventId: b.eventId,
    ...opts,
  };
}
