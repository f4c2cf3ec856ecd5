import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_CONFIG, CommonEnv } from '@app/config';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyVerifier } from './api-key.verifier';
import { IdentityStore } from './identity-store';
import { RecordProducerVerifier } from './record-producer.verifier';
import { recordSignatureMode, type RecordSignaturesEnv } from './record-signatures';

/** Default seed of agencies, loaded (missing ones only) when a service starts. */
export const DEFAULT_AGENCY_SEED = path.join('deploy', 'seed', 'agencies.json');

class IdentityLifecycle implements OnApplicationShutdown {
  constructor(@Inject(IdentityStore) private readonly store: IdentityStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Authentication for a service: the identity store, the key verifier and ApiKeyGuard. */
@Global()
@Module({})
export class IdentityModule {
  static forRoot(): DynamicModule {
    const logger = new Logger('Identity');
    return {
      module: IdentityModule,
      providers: [
        {
          provide: IdentityStore,
          inject: [APP_CONFIG],
          useFactory: async (env: CommonEnv) => {
            const store = await IdentityStore.open(env.DATABASE_URL);
            const seed = env.AGENCY_SEED_FILE ?? DEFAULT_AGENCY_SEED;
            if (fs.existsSync(seed)) {
              const added = await store.importAgencies(seed);
              if (added.length > 0) logger.log(`added agencies from ${seed}: ${added.join(', ')}`);
            }
            return store;
          },
        },
        {
          provide: ApiKeyVerifier,
          inject: [IdentityStore, APP_CONFIG],
          useFactory: (store: IdentityStore, env: CommonEnv) =>
            new ApiKeyVerifier(store, env.AUTH_CACHE_TTL_MS ?? 2000),
        },
        {
          // The check of report records against their producer (consumers of the report topics).
          provide: RecordProducerVerifier,
          inject: [IdentityStore, APP_CONFIG],
          useFactory: (store: IdentityStore, env: CommonEnv & Partial<RecordSignaturesEnv>) =>
            new RecordProducerVerifier(store, recordSignatureMode(env), env.AUTH_CACHE_TTL_MS ?? 2000),
        },
        ApiKeyGuard,
        IdentityLifecycle,
      ],
      exports: [IdentityStore, ApiKeyVerifier, RecordProducerVerifier, ApiKeyGuard],
    };
  }
}
