import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { loadPolicyFile } from './policy-file';
import type { SharingPolicy } from './sharing-policy.types';

/** DI token of the sharing policy, read from SHARING_POLICY_FILE at boot (a bad file stops the service). */
export const SHARING_POLICY = Symbol('SHARING_POLICY');

/** The sharing policy of a service, loaded once at boot; import it where SHARING_POLICY is injected. */
@Module({
  providers: [
    {
      provide: SHARING_POLICY,
      inject: [APP_CONFIG],
      useFactory: (env: { SHARING_POLICY_FILE: string }): SharingPolicy => {
        const policy = loadPolicyFile(env.SHARING_POLICY_FILE);
        new Logger('SharingPolicy').log(`sharing policy loaded from ${env.SHARING_POLICY_FILE}`);
        return policy;
      },
    },
  ],
  exports: [SHARING_POLICY],
})
export class SharingPolicyModule {}
