import type { EntityManager } from 'typeorm';
import type { CaseLinkedEvent } from '@app/contracts';
import { InMemoryLinkingRepository, cappedCount, casesPerAgency } from '@app/matching/testing';
import type { HolderCount } from '../domain/cap-crossings';
import type { CaseSide } from '../domain/case-linked-event';
import type { LinkingStore, LinkingStores } from '../linking.repository';

/** LinkingStore in memory (unit tests of the linking service): one store whatever the transaction. */
export class InMemoryLinkingStore extends InMemoryLinkingRepository implements LinkingStore, LinkingStores {
  readonly published: CaseLinkedEvent[] = [];
  /** Report bodies by event id, as the intake stored them (a test sets those it needs). */
  readonly bodies = new Map<string, Record<string, unknown>>();
  // The cap's watch, per batch: the cases it added under each key.
  private readonly addedCases = new Map<string, Set<string>>();
  private readonly keyCases = new Map<string, Set<string>>();
  private changes = new Map<string, HolderCount>();

  override async addKeys(entries: readonly { key: string; caseKey: string }[]): Promise<void> {
    this.addedCases.clear();
    for (const { key, caseKey } of entries) {
      let cases = this.keyCases.get(key);
      if (!cases) this.keyCases.set(key, (cases = new Set()));
      if (cases.has(caseKey)) continue;
      cases.add(caseKey);
      let added = this.addedCases.get(key);
      if (!added) this.addedCases.set(key, (added = new Set()));
      added.add(caseKey);
    }
    await super.addKeys(entries);
  }

  override async frequencies(keys: readonly string[], share: number): Promise<Map<string, number>> {
    const out = await super.frequencies(keys, share);
    this.changes = new Map();
    for (const [key, now] of out) {
      const before = cappedCount(this.casesBefore(key), share);
      if (before !== now)
        this.changes.set(key, { before, now, agencies: casesPerAgency(this.keyCases.get(key) ?? []).size });
    }
    return out;
  }

  holderChanges(): ReadonlyMap<string, HolderCount> {
    return this.changes;
  }

  newHolders(keys: readonly string[], share: number): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const key of keys) {
      const before = casesPerAgency(this.casesBefore(key));
      const now = casesPerAgency(this.keyCases.get(key) ?? []);
      const raised = [...now]
        .filter(([agency, n]) => Math.min(n, share) > Math.min(before.get(agency) ?? 0, share))
        .map(([agency]) => agency)
        .sort();
      if (raised.length > 0) out.set(key, raised);
    }
    return Promise.resolve(out);
  }

  /** The cases stored under `key` before this batch. */
  private casesBefore(key: string): string[] {
    const added = this.addedCases.get(key);
    return [...(this.keyCases.get(key) ?? [])].filter((c) => !added?.has(c));
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
