import type { EntityManager } from 'typeorm';
import type { CaseLinkedEvent } from '@app/contracts';
import { agencyOfCaseKey } from '@app/matching';
import { InMemoryLinkingRepository } from '@app/matching/testing';
import type { HolderCount } from '../domain/cap-crossings';
import type { CaseSide } from '../domain/case-linked-event';
import type { LinkingStore, LinkingStores } from '../linking.repository';

/** LinkingStore in memory (unit tests of the linking service): one store whatever the transaction. */
export class InMemoryLinkingStore extends InMemoryLinkingRepository implements LinkingStore, LinkingStores {
  readonly published: CaseLinkedEvent[] = [];
  /** Report bodies by event id, as the intake stored them (a test sets those it needs). */
  readonly bodies = new Map<string, Record<string, unknown>>();
  // The cap's watch, per batch: each key's holding agencies before it, and the cases it added.
  private readonly heldBefore = new Map<string, number>();
  private readonly addedCases = new Map<string, Set<string>>();
  private readonly keyCases = new Map<string, Set<string>>();
  private changes = new Map<string, HolderCount>();

  override async addKeys(entries: readonly { key: string; caseKey: string }[]): Promise<void> {
    this.heldBefore.clear();
    this.addedCases.clear();
    this.changes = new Map();
    for (const { key, caseKey } of entries) {
      let cases = this.keyCases.get(key);
      if (!cases) this.keyCases.set(key, (cases = new Set()));
      if (!this.heldBefore.has(key)) this.heldBefore.set(key, agenciesOf(cases).size);
      if (cases.has(caseKey)) continue;
      cases.add(caseKey);
      let added = this.addedCases.get(key);
      if (!added) this.addedCases.set(key, (added = new Set()));
      added.add(caseKey);
    }
    await super.addKeys(entries);
  }

  override async frequencies(keys: readonly string[]): Promise<Map<string, number>> {
    const out = await super.frequencies(keys);
    this.changes = new Map();
    for (const [key, now] of out) {
      const before = this.heldBefore.get(key) ?? now;
      if (before !== now) this.changes.set(key, { before, now });
    }
    return out;
  }

  holderChanges(): ReadonlyMap<string, HolderCount> {
    return this.changes;
  }

  newHolders(keys: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const key of keys) {
      const added = this.addedCases.get(key) ?? new Set<string>();
      const old = [...(this.keyCases.get(key) ?? [])].filter((c) => !added.has(c));
      const oldAgencies = agenciesOf(old);
      const fresh = [...agenciesOf(added)].filter((a) => !oldAgencies.has(a)).sort();
      if (fresh.length > 0) out.set(key, fresh);
    }
    return Promise.resolve(out);
  }

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

function agenciesOf(caseKeys: Iterable<string>): Set<string> {
  return new Set([...caseKeys].map(agencyOfCaseKey));
}
