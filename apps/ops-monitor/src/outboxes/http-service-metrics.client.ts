import { parsePrometheusText, type ScrapeResult } from './domain';
import { ServiceMetricsSource } from './service-metrics.port';

/** A service and the base URL its /metrics is under. */
export interface MetricsTarget {
  service: string;
  baseUrl: string;
}

/** Parses OPS_METRICS_URLS: `name=url,name=url`, or `off` for none. */
export function parseMetricsTargets(value: string | undefined): MetricsTarget[] {
  if (!value || value === 'off') return [];
  return value.split(',').map((item) => {
    const eq = item.indexOf('=');
    return { service: item.slice(0, eq).trim(), baseUrl: item.slice(eq + 1).trim() };
  });
}

/** Scrapes each target's GET /metrics over HTTP, all at once, each with a timeout. */
export class HttpServiceMetrics extends ServiceMetricsSource {
  constructor(
    private readonly targets: readonly MetricsTarget[],
    private readonly timeoutMs = 3000,
  ) {
    super();
  }

  scrape(names: ReadonlySet<string>): Promise<ScrapeResult[]> {
    return Promise.all(
      this.targets.map(async (t): Promise<ScrapeResult> => {
        try {
          const res = await fetch(new URL('/metrics', t.baseUrl), {
            signal: AbortSignal.timeout(this.timeoutMs),
          });
          if (!res.ok) return { service: t.service, ok: false, error: `GET /metrics answered ${res.status}` };
          return { service: t.service, ok: true, samples: parsePrometheusText(await res.text(), names) };
        } catch (e) {
          const err = e as Error & { cause?: { message?: string } };
          return { service: t.service, ok: false, error: err.cause?.message ?? err.message };
        }
      }),
    );
  }
}
