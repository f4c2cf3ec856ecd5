/** A dependency that /health/ready checks (Kafka, the database, ...). */
export interface HealthCheck {
  readonly name: string;
  /** Resolves when the dependency answers; rejects with a reason otherwise. */
  check(): Promise<void>;
}

/** DI token of the list of readiness checks. */
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

export interface ReadinessReport {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'up' | 'down'; error?: string; ms: number }>;
}

/** Runs every check concurrently with a timeout; ready only when all are up. */
export async function runReadiness(checks: HealthCheck[], timeoutMs = 3000): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          c.check(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [c.name, { status: 'up' as const, ms: Date.now() - started }] as const;
      } catch (e) {
        return [
          c.name,
          { status: 'down' as const, error: (e as Error).message, ms: Date.now() - started },
        ] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const checksOut = Object.fromEntries(results);
  return { status: results.every(([, r]) => r.status === 'up') ? 'ok' : 'error', checks: checksOut };
}
