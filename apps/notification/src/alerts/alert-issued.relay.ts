import { DEFAULT_RELAY_SETTINGS, outboxRelayHost } from '@app/outbox';
import type { NotificationEnv } from '../notification.env';

/**
 * Publishes the notification outbox (intel.alert.issued.v1) after each commit, with the relay
 * settings every service starts from, except that a round of under a quarter of a read (125
 * rows) lingers NOTIFICATION_RELAY_LINGER_MS before the next read: alert transactions that
 * commit meanwhile go out in one produce request (docs/benchmarks.md#benche2e). Webhooks and
 * streams do not wait for it.
 */
export const AlertIssuedRelay = outboxRelayHost('notification', (env: NotificationEnv) => ({
  ...DEFAULT_RELAY_SETTINGS,
  relay: { ...DEFAULT_RELAY_SETTINGS.relay, lingerMs: env.NOTIFICATION_RELAY_LINGER_MS },
}));
