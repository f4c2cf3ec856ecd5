import { Module } from '@nestjs/common';
import { SharingPolicyModule } from '@app/sharing-policy';
import { CorrelationLedgerModule } from '../ledger/correlation-ledger.module';
import { CasesController } from './cases.controller';
import { CASES_REPOSITORY, PgCasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

/** The case API. */
@Module({
  imports: [SharingPolicyModule, CorrelationLedgerModule],
  controllers: [CasesController],
  providers: [{ provide: CASES_REPOSITORY, useClass: PgCasesRepository }, CasesService],
})
export class CasesModule {}
