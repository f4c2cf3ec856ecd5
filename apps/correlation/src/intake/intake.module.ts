import { Module } from '@nestjs/common';
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
  ],
  exports: [ReportIntakeService],
})
export class IntakeModule {}
