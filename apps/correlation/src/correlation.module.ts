import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@app/platform';
import { AgencyCaseEntity } from './intake/agency-case.entity';
import { IntakeModule } from './intake/intake.module';
import { ReportEntity } from './intake/report.entity';
import { Intake1764300000000 } from './migrations/1764300000000-intake';

/** The correlation service: consumes reports, links agency cases, serves the case API. */
@Module({
  imports: [
    ServiceCoreModule.forService('correlation', {
      schema: 'correlation',
      entities: [ReportEntity, AgencyCaseEntity],
      migrations: [Intake1764300000000],
    }),
    IntakeModule,
  ],
})
export class CorrelationModule {}
