import type { ScrapeResult } from './domain';

/** Reads the services' own /metrics (OPS_METRICS_URLS). */
export abstract class ServiceMetricsSource {
  /** One result per configured service, whether or not it answered. */
  abstract scrape(names: ReadonlySet<string>): Promise<ScrapeResult[]>;
}
