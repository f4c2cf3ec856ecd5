import type { EntityManager } from 'typeorm';
import type { CaseLinkedEvent } from '@app/contracts';
import { InMemoryLinkingRepository } from '@app/matching/testing';
import type { CaseSide } from '../domain/case-linked-event';
import type { LinkingStore, LinkingStores } from '../linking.repository';

/** LinkingStore in memory (unit tests of the linking service): one store whatever the transaction. */
export class InMemoryLinkingStore extends InMemoryLinkingRepository implements LinkingStore, LinkingStores {
  readonly published: CaseLinkedEvent[] = [];
  /** Report bodies by event id, as the intake stored them (a test sets those it needs). */
  readonly bodies = new Map<string, Record<string, unknown>>();

  forTransaction(_tx: EntityManager): LinkingStore {
    return this;
  }

  caseSides(caseKeys: readonly string[]): Promise<Map<string, CaseSide>> {
    const out = new Map<string, CaseSide>();
    for (const k of caseKeys) {
      const identity = this.identityOf(k);
      if (identity)
        out.set(k, {
          agencyCaseId: k,
          agencyId: identity.agencyId,
          kind: identity.kind,
          ref: identity.ref,
          eventIds: [...this.eventIdsOf(k)],
          reports: [...this.eventIdsOf(k)].map((eventId) => ({
            eventId,
            body: this.bodies.get(eventId) ?? {},
          })),
        });
    }
    return Promise.resolve(out);
  }

  clusterAgencies(clusterIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const id of clusterIds) {
      const agencies = new Set<string>();
      for (const k of this.caseKeys())
        if (this.clusterOf(k) === id) agencies.add(this.identityOf(k)!.agencyId);
      if (agencies.size > 0) out.set(id, [...agencies].sort());
    }
    return Promise.resolve(out);
  }

  publish(events: readonly CaseLinkedEvent[]): Promise<void> {
    this.published.push(...events);
    return Promise.resolve();
  }
}
