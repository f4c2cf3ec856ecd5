import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { counter } from '@app/observability';
import type { EntityManager } from 'typeorm';
import {
  agencyCaseOf,
  agencyShare,
  extractFeatures,
  linkBatch,
  uniqueFeatures,
  type Feature,
  type GazetteerEntry,
  type MatchConfig,
} from '@app/matching';
import type { IncomingReport } from '../intake/incoming-report';
import { ReportStoredHandler, type StoredReport } from '../intake/report-intake.service';
import { describeKey, keysCrossingCap } from './domain/cap-crossings';
import { caseLinkedEvents } from './domain/case-linked-event';
import { LINKING_STORES, type LinkingStore, type LinkingStores } from './linking.repository';
import { MATCH_CONFIG, MATCH_GAZETTEER } from './linking.tokens';

const capCrossings = counter(
  'intel_correlation_cap_crossings_total',
  'Identifier values pushed over the frequency cap (CORRELATION_MAX_VALUE_FREQUENCY; agency cases, each ' +
    "agency's counted up to its share), by the agency whose reports raised it (docs/operating.md#frequency-cap)",
  ['agency'],
);

/**
 * Links agency cases inside the intake's transaction with the matching library's linkBatch (the
 * code path the quality figures measure, docs/matching.md) and queues one CaseLinked per new or
 * upgraded link. Runs once per report, so a redelivery changes nothing.
 */
@Injectable()
export class LinkingService extends ReportStoredHandler {
  private readonly logger = new Logger(LinkingService.name);

  constructor(
    @Inject(MATCH_CONFIG) private readonly config: MatchConfig,
    @Inject(MATCH_GAZETTEER) private readonly gazetteer: readonly GazetteerEntry[],
    @Inject(LINKING_STORES) private readonly stores: LinkingStores,
  ) {
    super();
  }

  // Features of reports normalised ahead of their transaction (prepare), until it reads them.
  private readonly prepared = new WeakMap<IncomingReport, Feature[]>();

  override prepare(reports: readonly IncomingReport[]): void {
    for (const report of reports) this.prepared.set(report, this.featuresOf(report));
  }

  async onStored(tx: EntityManager, stored: StoredReport[]): Promise<void> {
    const store = this.stores.forTransaction(tx);
    const reports = stored.map(({ report }) => {
      const features = this.prepared.get(report) ?? this.featuresOf(report);
      this.prepared.delete(report);
      return { identity: agencyCaseOf(report.body, report.kind), eventId: report.body.eventId, features };
    });
    const now = new Date();
    const { links } = await linkBatch(store, reports, { config: this.config, now });
    await this.reportCapCrossings(store);
    if (links.length === 0) return;

    const sides = await store.caseSides([...new Set(links.flatMap((l) => [l.a, l.b]))]);
    const clusterAgencies = await store.clusterAgencies([
      ...new Set(links.map((l) => l.finalClusterId).filter((k): k is string => k !== null)),
    ]);
    await store.publish(caseLinkedEvents(links, sides, clusterAgencies, now, randomUUID));
    for (const l of links)
      this.logger.log({
        msg: 'link made',
        linkId: l.linkId,
        clusterId: l.clusterId,
        a: l.a,
        b: l.b,
        score: Number(l.comparison.score.toFixed(3)),
        crossBorder: l.comparison.crossBorder,
        weak: l.comparison.weak,
        merged: l.merged,
      });
  }

  /**
   * Tells operators of every value this batch pushed over the frequency cap (a metric and a log
   * line naming the agencies that pushed it, the value's kind and a hash, never the value): a
   * value that stops counting is either common or being poisoned (docs/operating.md#frequency-cap).
   */
  private async reportCapCrossings(store: LinkingStore): Promise<void> {
    const cap = this.config.maxValueFrequency;
    const keys = keysCrossingCap(store.holderChanges(), cap);
    if (keys.length === 0) return;
    const pushers = await store.newHolders(keys, agencyShare(this.config));
    for (const key of keys) {
      const pushedBy = pushers.get(key) ?? [];
      for (const agency of pushedBy) capCrossings.inc({ agency });
      this.logger.warn({
        msg: 'an identifier value passed the frequency cap and stops counting',
        ...describeKey(key),
        frequency: store.holderChanges().get(key)?.now,
        agencies: store.holderChanges().get(key)?.agencies,
        cap,
        pushedBy,
      });
    }
  }

  private featuresOf(report: IncomingReport): Feature[] {
    return uniqueFeatures(extractFeatures(report.body, report.kind, this.gazetteer));
  }
}
