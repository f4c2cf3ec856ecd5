import { outboxRelayHost } from '@app/outbox';

/** Publishes the correlation outbox (intel.case.linked.v1, intel.precheck.hit.v1) after each commit. */
export const CaseLinkedRelay = outboxRelayHost('correlation');
