import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { defaultGazetteer } from '@app/contracts';
import { matchConfig, type GazetteerEntry } from '@app/matching';
import type { CorrelationEnv } from '../correlation.env';
import { CaseLinkedRelay } from './case-linked.relay';
import { LINKING_STORES, PgLinkingStores } from './linking.repository';
import { LinkingService } from './linking.service';
import { MATCH_CONFIG, MATCH_GAZETTEER } from './linking.tokens';

/** Matching, clustering and the publication of links. */
@Global()
@Module({
  providers: [
    {
      provide: MATCH_CONFIG,
      inject: [APP_CONFIG],
      useFactory: (env: CorrelationEnv) =>
        matchConfig({
          threshold: env.CORRELATION_LINK_THRESHOLD,
          maxValueFrequency: env.CORRELATION_MAX_VALUE_FREQUENCY,
        }),
    },
    {
      provide: MATCH_GAZETTEER,
      useFactory: (): GazetteerEntry[] =>
        defaultGazetteer.all().map((p) => ({ code: p.code, lat: p.lat, lon: p.lon, aliases: p.aliases })),
    },
    { provide: LINKING_STORES, useClass: PgLinkingStores },
    LinkingService,
    CaseLinkedRelay,
  ],
  exports: [LinkingService, MATCH_CONFIG, MATCH_GAZETTEER],
})
export class LinkingModule {}
