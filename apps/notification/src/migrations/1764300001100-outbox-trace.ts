import { outboxTraceMigration } from '@app/outbox';

/** The outbox's traceparent column (docs/operating.md#traces). */
export const OutboxTrace1764300001100 = outboxTraceMigration('notification');
