import { oneOutboxMigration } from '@app/outbox';

/** The outbox in the one shape every service shares (libs/outbox): rows keep their ids and state. */
export const OneOutbox1764300000500 = oneOutboxMigration('correlation');
