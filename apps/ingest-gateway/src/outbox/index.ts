export { OutboxModule } from './outbox.module';
export {
  outboxEntryFor,
  REPORT_SCHEMA_VERSION,
  type OutboxEntry,
  type ReportKind,
} from './domain/outbox-record';
