import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The process's Prometheus registry: default Node metrics plus each service's own. */
export const metricsRegistry = new Registry();
let defaultsCollected = false;

/** Labels every metric of this process with its service name and collects Node's defaults once. */
export function initMetrics(service: string): Registry {
  if (!defaultsCollected) {
    metricsRegistry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: metricsRegistry });
    defaultsCollected = true;
  }
  return metricsRegistry;
}

/** A counter on the process's registry; `labelNames` its labels. */
export function counter<L extends string = never>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): Counter<L> {
  return new Counter<L>({ name, help, labelNames, registers: [metricsRegistry] });
}

/** A gauge on the process's registry; `labelNames` its labels. */
export function gauge<L extends string = never>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): Gauge<L> {
  return new Gauge<L>({ name, help, labelNames, registers: [metricsRegistry] });
}

/** A histogram on the process's registry with these buckets; `labelNames` its labels. */
export function histogram<L extends string = never>(
  name: string,
  help: string,
  buckets: number[],
  labelNames: readonly L[] = [],
): Histogram<L> {
  return new Histogram<L>({ name, help, buckets, labelNames, registers: [metricsRegistry] });
}
