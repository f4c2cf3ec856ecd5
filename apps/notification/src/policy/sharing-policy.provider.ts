import type { Provider } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { loadPolicyFile, type SharingPolicy } from '@app/sharing-policy';
import type { NotificationEnv } from '../notification.env';

/** DI token of the sharing policy, read from SHARING_POLICY_FILE at boot (a bad file stops the service). */
export const SHARING_POLICY = Symbol('SHARING_POLICY');

/** Loads the sharing policy once at boot. */
export const sharingPolicyProvider: Provider<SharingPolicy> = {
  provide: SHARING_POLICY,
  inject: [APP_CONFIG],
  useFactory: (env: NotificationEnv) => loadPolicyFile(env.SHARING_POLICY_FILE),
};
