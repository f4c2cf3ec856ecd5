import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { Principal } from '@app/identity';
import { ProblemException } from '@app/platform';
import type { IngestGatewayEnv } from '../ingest-gateway.env';
import { BucketLimits, BucketState, takeTokens } from './domain/token-bucket';

/**
 * Per-key rate limit (token bucket per API key, `INGEST_RATE_LIMIT_PER_S` sustained,
 * `INGEST_RATE_LIMIT_BURST` burst; every request costs one token, a batch too). Runs after
 * ApiKeyGuard; over the limit: 429 problem with Retry-After. Buckets live in this process:
 * with N instances behind a balancer a key gets up to N times the rate.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly buckets = new Map<string, BucketState>();
  private readonly limits: BucketLimits | null;

  constructor(@Inject(APP_CONFIG) env: IngestGatewayEnv) {
    this.limits =
      env.INGEST_RATE_LIMIT_PER_S > 0
        ? { ratePerS: env.INGEST_RATE_LIMIT_PER_S, burst: env.INGEST_RATE_LIMIT_BURST }
        : null;
  }

  canActivate(ctx: ExecutionContext): boolean {
    if (!this.limits) return true;
    const principal = ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    if (!principal) return true;
    const r = takeTokens(this.buckets.get(principal.keyId), Date.now(), this.limits);
    this.buckets.set(principal.keyId, r.state);
    if (!r.allowed) {
      throw ProblemException.of(
        429,
        `This key may make ${this.limits.ratePerS} requests per second (bursts of ${this.limits.burst}); retry after ${r.retryAfterS} s.`,
        { headers: { 'retry-after': String(r.retryAfterS) } },
      );
    }
    return true;
  }
}
