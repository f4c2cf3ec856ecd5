import { applyDecorators, Logger, Module } from '@nestjs/common';
import { IsString } from 'class-validator';
import { APP_CONFIG, EnvDoc } from '@app/config';
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

/** `SHARING_POLICY_FILE`, declared alike by every service that reads the policy. */
export const SharingPolicyFileVariable = (): PropertyDecorator =>
  applyDecorators(
    EnvDoc(
      "Sharing policy JSON file (docs/contract.md#sharing-policy): which counterparts receive alerts about an agency's cases " +
        'and which fields each sees. Read at start (a bad file stops the service); correlation and ' +
        'notification must read the same file.',
    ),
    IsString(),
  );
