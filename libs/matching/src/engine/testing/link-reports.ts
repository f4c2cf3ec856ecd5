import { defaultGazetteer } from '@app/contracts';
import type { GazetteerEntry } from '../../normalise';
import { agencyCaseOf } from '../agency-case';
import { linkBatch, uniqueFeatures } from '../correlate';
import type { BatchReport, MadeLink } from '../correlate';
import { extractFeatures } from '../features';
import type { AnyReport, ReportKindName } from '../features';
import { matchConfig } from '../scoring';
import type { MatchConfig } from '../scoring';
import { InMemoryLinkingRepository } from './in-memory-linking.repository';

/** Options of linkReports. */
export interface LinkReportsOptions {
  /** Default: the shipped gazetteer. */
  gazetteer?: readonly GazetteerEntry[];
  config?: Partial<Omit<MatchConfig, 'weights'>> & { weights?: Partial<MatchConfig['weights']> };
  /** Reports linked together, as one partition batch of the service (default 100). */
  batchSize?: number;
  /** Time of the batches (default: now). */
  now?: Date;
}

/** What linkReports made. */
export interface LinkedReports {
  /** Every link made, in the order made (a weak link made full appears twice, with the same linkId). */
  links: MadeLink[];
  /** Agency case id → its cluster (absent or null when unlinked). */
  clusterOf: Map<string, string | null>;
  /** The repository, for anything else (keys, stored links and clusters). */
  repository: InMemoryLinkingRepository;
}

/**
 * Links reports through the production code path (features → linkBatch) over the in-memory
 * repository, in batches as the service receives them: the quality of what production would
 * link, without PostgreSQL. A report whose eventId was seen before is skipped (the intake's
 * idempotency).
 */
export async function linkReports(
  reports: Iterable<{ report: AnyReport; kind: ReportKindName }>,
  options: LinkReportsOptions = {},
): Promise<LinkedReports> {
  const gazetteer = options.gazetteer ?? defaultGazetteer.all();
  const config = matchConfig(options.config);
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const repository = new InMemoryLinkingRepository();
  const seen = new Set<string>();
  const links: MadeLink[] = [];
  let batch: BatchReport[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await linkBatch(repository, batch, { config, now: options.now });
    links.push(...result.links);
    batch = [];
  };
  for (const { report, kind } of reports) {
    if (seen.has(report.eventId)) continue;
    seen.add(report.eventId);
    const identity = agencyCaseOf(report, kind);
    repository.storeReport(identity, report.eventId);
    batch.push({
      identity,
      eventId: report.eventId,
      features: uniqueFeatures(extractFeatures(report, kind, gazetteer)),
    });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  const clusterOf = new Map<string, string | null>();
  for (const caseKey of repository.caseKeys()) clusterOf.set(caseKey, repository.clusterOf(caseKey));
  return { links, clusterOf, repository };
}
