"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.metricsRegistry = void 0;
exports.initMetrics = initMetrics;
const prom_client_1 = require("prom-client");
/** The process's Prometheus registry: default Node metrics plus each service's own. */
exports.metricsRegistry = new prom_client_1.Registry();
let defaultsCollected = false;
/** Labels every metric of this process with its service name and collects Node's defaults once. */
function initMetrics(service) {
    if (!defaultsCollected) {
        exports.metricsRegistry.setDefaultLabels({ service });
        (0, prom_client_1.collectDefaultMetrics)({ register: exports.metricsRegistry });
        defaultsCollected = true;
    }
    return exports.metricsRegistry;
}
//# sourceMappingURL=metrics.js.map