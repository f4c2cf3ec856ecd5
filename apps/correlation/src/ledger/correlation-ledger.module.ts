import { Module } from '@nestjs/common';
import { LedgerModule } from '@app/ledger';
import { CORRELATION_LEDGER_CHAIN, CorrelationLedger, PgCorrelationLedger } from './correlation-ledger';

/** Correlation's disclosure ledger chain, one writer for the case API and the pre-check. */
@Module({
  imports: [LedgerModule.forChain(CORRELATION_LEDGER_CHAIN)],
  providers: [{ provide: CorrelationLedger, useClass: PgCorrelationLedger }],
  exports: [CorrelationLedger],
})
export class CorrelationLedgerModule {}
