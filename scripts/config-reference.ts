// Writes docs/configuration.md, the configuration reference, from the config classes the services
// validate at boot (their service definitions' `env`). `--check` only compares and exits 1 when the
// file is out of date. Usage: npm run config:reference [-- --check]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderConfigurationReference, type ServiceEnv } from '@app/config';
import { correlationService } from '../apps/correlation/src/correlation.service-definition';
import { ingestGatewayService } from '../apps/ingest-gateway/src/ingest-gateway.service-definition';
import { notificationService } from '../apps/notification/src/notification.service-definition';
import { opsMonitorService } from '../apps/ops-monitor/src/ops-monitor.service-definition';

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

function main(argv: readonly string[], root = path.join(__dirname, '..')): number {
  const file = path.join(root, REFERENCE_FILE);
  const wanted = configurationReference();
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (argv.includes('--check')) {
    if (current === wanted) return 0;
    process.stderr.write(`${REFERENCE_FILE} is out of date: run \`npm run config:reference\`\n`);
    return 1;
  }
  if (current === wanted) {
    process.stdout.write(`${REFERENCE_FILE} is up to date\n`);
    return 0;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, wanted);
  process.stdout.write(`wrote ${REFERENCE_FILE}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
