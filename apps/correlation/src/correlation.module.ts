import { Module } from '@nestjs/common';
import { RateLimits, ServiceCoreModule } from '@app/platform';
import { IntakeModule } from './intake/intake.module';
import { Intake1764300000000 } from './migrations/1764300000000-intake';
import { Linking1764300000200 } from './migrations/1764300000200-linking';
import { Precheck1764300000300 } from './migrations/1764300000300-precheck';
import { OneOutbox1764300000500 } from './migrations/1764300000500-one-outbox';
import { OutboxTrace1764300001100 } from './migrations/1764300001100-outbox-trace';
import { LedgerPending1764300001200 } from './migrations/1764300001200-ledger-pending';
import { DisclosureLedger1764300000800 } from './migrations/1764300000800-disclosure-ledger';
import { LinkingModule } from './linking/linking.module';
import { CasesModule } from './cases/cases.module';
import { ApiGateModule, IdentityModule } from '@app/identity';
import type { CorrelationEnv } from './correlation.env';
import { PrecheckModule } from './precheck';

/** The correlation schema's migrations, in order. */
export const CORRELATION_MIGRATIONS = [
  Intake1764300000000,
  Linking1764300000200,
  Precheck1764300000300,
  OneOutbox1764300000500,
  DisclosureLedger1764300000800,
  OutboxTrace1764300001100,
  LedgerPending1764300001200,
];

/** The correlation service: consumes reports, links agency cases, serves the case API. */
@Module({
  imports: [
    ServiceCoreModule.forService('correlation', {
      schema: 'correlation',
      entities: [],
      migrations: CORRELATION_MIGRATIONS,
    }),
    IdentityModule.forRoot(),
    ApiGateModule.forService((env: CorrelationEnv) => [
      {
        prefix: '/v1/prechecks',
        unit: 'pre-check',
        limits: RateLimits.perKey({
          ratePerS: env.PRECHECK_RATE_LIMIT_PER_S,
          burst: env.PRECHECK_RATE_LIMIT_BURST,
          perDay: env.PRECHECK_DAILY_QUOTA,
        }),
      },
      {
        prefix: '/v1/',
        limits: RateLimits.perKey({
          ratePerS: env.CORRELATION_RATE_LIMIT_PER_S,
          burst: env.CORRELATION_RATE_LIMIT_BURST,
          perDay: env.CORRELATION_DAILY_QUOTA,
        }),
      },
    ]),
    LinkingModule,
    IntakeModule,
    CasesModule,
    PrecheckModule,
  ],
})
export class CorrelationModule {}
