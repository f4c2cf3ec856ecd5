// Writes docs/configuration.md, the configuration reference, from the config classes the services
// validate at boot (their service definitions' `env`). `--check` only compares and exits 1 when the
// file is out of date. Usage: npm run config:reference [-- --check]
import * as path from 'node:path';
import { renderConfigurationReference, type ServiceEnv } from './env-reference';
import { correlationService } from '../apps/correlation/src/correlation.service-definition';
import { ingestGatewayService } from '../apps/ingest-gateway/src/ingest-gateway.service-definition';
import { notificationService } from '../apps/notification/src/notification.service-definition';
import { opsMonitorService } from '../apps/ops-monitor/src/ops-monitor.service-definition';
import { runGenerator, writeGeneratedDocs } from './generated-docs';

/** The reference's path from the repository root. */
export const REFERENCE_FILE = path.join('docs', 'configuration.md');

/** Each service's name and the class its boot validates (its service definition's), in the README's order. */
export const SERVICE_ENVS: readonly ServiceEnv[] = [
  ingestGatewayService,
  correlationService,
  notificationService,
  opsMonitorService,
].map((d) => ({ name: d.name, env: d.env }));

/** The reference as it should read now. */
export function configurationReference(): string {
  return renderConfigurationReference(SERVICE_ENVS);
}

runGenerator(module, (argv) =>
  writeGeneratedDocs(new Map([[REFERENCE_FILE, configurationReference()]]), argv, 'npm run config:reference'),
);
