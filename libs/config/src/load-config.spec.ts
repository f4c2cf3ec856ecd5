import { IsInt, Max, Min } from 'class-validator';
import { CommonEnv } from './common-env';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

class TestEnv extends CommonEnv {
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(65535)
  TEST_PORT: number = 3000;
}

describe(loadConfig.name, () => {
  const good = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/intel' };

  it('applies defaults and converts numbers', () => {
    const cfg = loadConfig('svc', TestEnv, { ...good, TEST_PORT: '3005' });
    expect(cfg.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(cfg.LOG_LEVEL).toBe('info');
    expect(cfg.TEST_PORT).toBe(3005);
    expect(cfg.AUTH_CACHE_TTL_MS).toBe(2000);
    expect(cfg.AGENCY_SEED_FILE).toBe('deploy/seed/agencies.json');
  });

  it.each([
    [{}, 'DATABASE_URL'],
    [{ ...good, DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ...good, KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS'],
    [{ ...good, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ...good, TEST_PORT: 'abc' }, 'TEST_PORT'],
    [{ ...good, TEST_PORT: '70000' }, 'TEST_PORT'],
    [{ ...good, KAFKA_SASL_MECHANISM: 'kerberos' }, 'KAFKA_SASL_MECHANISM'],
    [{ ...good, AUTH_CACHE_TTL_MS: '-1' }, 'AUTH_CACHE_TTL_MS'],
    [{ ...good, AUTH_CACHE_TTL_MS: '2s' }, 'AUTH_CACHE_TTL_MS'],
    [{ ...good, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'svc' }, 'KAFKA_SASL_PASSWORD'],
    [{ ...good, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_PASSWORD: 'x' }, 'KAFKA_SASL_USERNAME'],
  ])('rejects %j naming %s', (env, variable) => {
    let caught: unknown;
    try {
      loadConfig('svc', TestEnv, env);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const err = caught as ConfigError;
    expect(err.problems.map((p) => p.variable)).toContain(variable);
    expect(err.message).toContain(variable);
  });

  it('accepts SASL/SCRAM with both credentials', () => {
    const cfg = loadConfig('svc', TestEnv, {
      ...good,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'svc',
      KAFKA_SASL_PASSWORD: 'pw',
      KAFKA_SSL: 'true',
    });
    expect(cfg.KAFKA_SASL_MECHANISM).toBe('scram-sha-512');
    expect(cfg.KAFKA_SSL).toBe('true');
  });

  it('treats empty strings as unset', () => {
    const cfg = loadConfig('svc', TestEnv, { ...good, KAFKA_BROKERS: '' });
    expect(cfg.KAFKA_BROKERS).toBe('127.0.0.1:9092');
  });
});
