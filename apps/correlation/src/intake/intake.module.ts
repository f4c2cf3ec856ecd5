import { Module } from '@nestjs/common';
import { CaseLinker } from '../linking/case-linker.service';
import { ReportConsumer } from './report.consumer';
import { ReportIntakeService, ReportStoredHandler } from './report-intake.service';

/** Consumes report topics, stores reports into agency cases and links them. */
@Module({
  controllers: [ReportConsumer],
  providers: [ReportIntakeService, { provide: ReportStoredHandler, useExisting: CaseLinker }],
  exports: [ReportIntakeService],
})
export class IntakeModule {}
