import { outboxRelayHost } from '@app/outbox';

/** Publishes the notification outbox (intel.alert.issued.v1) after each commit. */
export const AlertIssuedRelay = outboxRelayHost('notification');
