import { Module } from '@nestjs/common';
import { SharingPolicyModule } from '@app/sharing-policy';
import { CasesController } from './cases.controller';
import { CASES_REPOSITORY, PgCasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

/** The case API. */
@Module({
  imports: [SharingPolicyModule],
  controllers: [CasesController],
  providers: [{ provide: CASES_REPOSITORY, useClass: PgCasesRepository }, CasesService],
})
export class CasesModule {}
