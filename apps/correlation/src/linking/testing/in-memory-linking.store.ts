import type { EntityManager } from 'typeorm';
import type { CaseLinkedEvent } from '@app/contracts';
import { InMemoryLinkingRepository } from '@app/matching/testing';
import type { CaseSide } from '../domain/case-linked-event';
import type { LinkingStore, LinkingStores } from '../linking.repository';

/** LinkingStore in memory (unit tests of the linking service): one store whatever the transaction. */
export class InMemoryLinkingStore extends InMemoryLinkingRepository implements LinkingStore, LinkingStores {
  readonly published: CaseLinkedEvent[] = [];

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
        });
    }
    return Promise.resolve(out);
  }

  clusterCountries(clusterIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const id of clusterIds) {
      const countries = new Set<string>();
      for (const k of this.caseKeys())
        if (this.clusterOf(k) === id) countries.add(this.identityOf(k)!.agencyId.slice(0, 2));
      if (countries.size > 0) out.set(id, [...countries].sort());
    }
    return Promise.resolve(out);
  }

  publish(events: readonly CaseLinkedEvent[]): Promise<void> {
    this.published.push(...events);
    return Promise.resolve();
  }
}
