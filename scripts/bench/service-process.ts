// One service of bench:e2e in a process of its own, as in a deployment (the services then use
// both cores instead of sharing one event loop with the load generator). It boots like the
// integration tests do (startService: a new consumer group at the topics' end, a random port),
// prints `READY <baseUrl>` on stdout and stops cleanly on SIGTERM.
//
//   node -r @swc-node/register scripts/bench/service-process.ts ingest-gateway|correlation|notification|ops-monitor [KEY=VALUE ...]
import { startService, type RunningService } from '@app/testing';
import type { CommonEnv } from '@app/config';
import type { ServiceDefinition } from '@app/platform';
import { correlationService } from '../../apps/correlation/src/correlation.service-definition';
import { ingestGatewayService } from '../../apps/ingest-gateway/src/ingest-gateway.service-definition';
import { notificationService } from '../../apps/notification/src/notification.service-definition';
import { opsMonitorService } from '../../apps/ops-monitor/src/ops-monitor.service-definition';

const definitions: Record<string, ServiceDefinition<CommonEnv>> = {
  'ingest-gateway': ingestGatewayService as unknown as ServiceDefinition<CommonEnv>,
  correlation: correlationService as unknown as ServiceDefinition<CommonEnv>,
  notification: notificationService as unknown as ServiceDefinition<CommonEnv>,
  'ops-monitor': opsMonitorService as unknown as ServiceDefinition<CommonEnv>,
};

async function main(): Promise<void> {
  const [name, ...pairs] = process.argv.slice(2);
  const def = definitions[name];
  if (!def) throw new Error(`unknown service ${name}; one of ${Object.keys(definitions).join(', ')}`);
  const env = Object.fromEntries(
    pairs.map((p) => {
      const i = p.indexOf('=');
      if (i < 1) throw new Error(`expected KEY=VALUE, got ${p}`);
      return [p.slice(0, i), p.slice(i + 1)];
    }),
  );
  const service: RunningService<CommonEnv> = await startService(def, { env });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    service.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`READY ${service.baseUrl}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`service-process failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
