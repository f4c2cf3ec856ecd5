import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { IdentityStore, RecordProducerVerifier } from '@app/identity';
import type { CorrelationEnv } from '../correlation.env';
import { LinkingService } from '../linking/linking.service';
import { INTAKE_REPOSITORY, PgIntakeRepository } from './intake.repository';
import { ReportConsumer } from './report.consumer';
import { ReportIntakeService, ReportStoredHandler } from './report-intake.service';

/** Consumes report topics, stores reports into agency cases and links them. */
@Module({
  controllers: [ReportConsumer],
  providers: [
    { provide: INTAKE_REPOSITORY, useClass: PgIntakeRepository },
    ReportIntakeService,
    { provide: ReportStoredHandler, useExisting: LinkingService },
    {
      provide: RecordProducerVerifier,
      inject: [IdentityStore, APP_CONFIG],
      useFactory: (store: IdentityStore, env: CorrelationEnv) =>
        new RecordProducerVerifier(store, recordSignatureMode(env), env.AUTH_CACHE_TTL_MS),
    },
  ],
  exports: [ReportIntakeService],
})
export class IntakeModule {}

/** RECORD_SIGNATURES, or its default: required in production, if-signed in a development run. */
export function recordSignatureMode(env: Pick<CorrelationEnv, 'RECORD_SIGNATURES' | 'RUN_MODE'>) {
  return env.RECORD_SIGNATURES ?? (env.RUN_MODE === 'development' ? 'if-signed' : 'required');
}
