import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { SharingPolicyModule } from '@app/sharing-policy';
import type { CorrelationEnv } from '../correlation.env';
import { CorrelationLedgerModule } from '../ledger/correlation-ledger.module';
import { PrecheckController } from './precheck.controller';
import { PrecheckKeyingPool } from './keying/precheck-keying.pool';
import { PrecheckAuditWriter } from './precheck-audit.writer';
import { PrecheckOwnerReader } from './precheck-owner.reader';
import { PrecheckIndexService } from './precheck-index.service';
import { PRECHECK_REPOSITORY, PgPrecheckRepository } from './precheck.repository';
import { PrecheckService } from './precheck.service';
import { PRECHECK_MAX_FREQUENCY } from './precheck.tokens';

/** Consignment pre-check: the in-memory index, the API, the audit and the owners' notifications. */
@Module({
  imports: [SharingPolicyModule, CorrelationLedgerModule],
  controllers: [PrecheckController],
  providers: [
    { provide: PRECHECK_REPOSITORY, useClass: PgPrecheckRepository },
    PrecheckIndexService,
    PrecheckAuditWriter,
    PrecheckOwnerReader,
    PrecheckKeyingPool,
    PrecheckService,
    {
      provide: PRECHECK_MAX_FREQUENCY,
      inject: [APP_CONFIG],
      useFactory: (env: CorrelationEnv) => env.CORRELATION_MAX_VALUE_FREQUENCY,
    },
  ],
  exports: [PrecheckIndexService],
})
export class PrecheckModule {}
