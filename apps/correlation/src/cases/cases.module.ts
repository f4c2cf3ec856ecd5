import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { loadPolicyFile } from '@app/sharing-policy';
import type { CorrelationEnv } from '../correlation.env';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { SHARING_POLICY } from './cases.tokens';

/** The case API. */
@Module({
  controllers: [CasesController],
  providers: [
    CasesRepository,
    CasesService,
    {
      provide: SHARING_POLICY,
      inject: [APP_CONFIG],
      useFactory: (env: CorrelationEnv) => {
        const policy = loadPolicyFile(env.SHARING_POLICY_FILE);
        new Logger('SharingPolicy').log(`sharing policy loaded from ${env.SHARING_POLICY_FILE}`);
        return policy;
      },
    },
  ],
})
export class CasesModule {}
