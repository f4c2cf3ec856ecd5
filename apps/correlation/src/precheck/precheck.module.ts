import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { loadPolicyFile } from '@app/sharing-policy';
import type { CorrelationEnv } from '../correlation.env';
import { PrecheckController } from './precheck.controller';
import { PrecheckFastRoute } from './precheck.fast-route';
import { PrecheckKeyingPool } from './keying/precheck-keying.pool';
import { PrecheckAuditWriter } from './precheck-audit.writer';
import { PrecheckOwnerReader } from './precheck-owner.reader';
import { PrecheckIndexService } from './precheck-index.service';
import { PrecheckService } from './precheck.service';
import { PRECHECK_MAX_FREQUENCY, PRECHECK_POLICY } from './precheck.tokens';

/** Consignment pre-check: the in-memory index, the API, the audit and the owners' notifications. */
@Module({
  controllers: [PrecheckController],
  providers: [
    PrecheckIndexService,
    PrecheckAuditWriter,
    PrecheckOwnerReader,
    PrecheckKeyingPool,
    PrecheckService,
    PrecheckFastRoute,
    {
      provide: PRECHECK_POLICY,
      inject: [APP_CONFIG],
      useFactory: (env: CorrelationEnv) => {
        const policy = loadPolicyFile(env.SHARING_POLICY_FILE);
        new Logger('PrecheckPolicy').log(`sharing policy loaded from ${env.SHARING_POLICY_FILE}`);
        return policy;
      },
    },
    {
      provide: PRECHECK_MAX_FREQUENCY,
      inject: [APP_CONFIG],
      useFactory: (env: CorrelationEnv) => env.CORRELATION_MAX_VALUE_FREQUENCY,
    },
  ],
  exports: [PrecheckIndexService, PrecheckFastRoute],
})
export class PrecheckModule {}
