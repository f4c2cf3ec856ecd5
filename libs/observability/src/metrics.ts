import { Registry, collectDefaultMetrics } from 'prom-client';

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
