import { Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IncomingReport } from './incoming-report';
import { ReportConsumer } from './report.consumer';
import { ReportIntakeService, ReportStoredHandler } from './report-intake.service';

/** Until matching lands, a stored report has no further effect. */
class NoFurtherEffect extends ReportStoredHandler {
  async onStored(_m: EntityManager, _r: IncomingReport, _id: string): Promise<void> {}
}

/** Consumes report topics and stores reports into agency cases. */
@Module({
  controllers: [ReportConsumer],
  providers: [ReportIntakeService, { provide: ReportStoredHandler, useClass: NoFurtherEffect }],
  exports: [ReportIntakeService],
})
export class IntakeModule {}
