import { withCorrelationId } from './correlation-context';
import { JsonLogger } from './json-logger';

describe(JsonLogger.name, () => {
  function capture(level: 'info' | 'warn' = 'info') {
    const lines: Record<string, unknown>[] = [];
    const logger = new JsonLogger('svc', level, (l) => lines.push(JSON.parse(l)));
    return { logger, lines };
  }

  it('writes one JSON object with level, context and the correlation id', () => {
    const { logger, lines } = capture();
    withCorrelationId('corr-1', () => logger.log('relayed 3 reports', 'OutboxRelay'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      service: 'svc',
      context: 'OutboxRelay',
      msg: 'relayed 3 reports',
      correlationId: 'corr-1',
    });
  });

  it('merges structured fields and keeps the error stack', () => {
    const { logger, lines } = capture();
    logger.error({ msg: 'publish failed', topic: 't' }, 'Error: boom\n at x', 'Relay');
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'publish failed',
      topic: 't',
      stack: 'Error: boom\n at x',
      context: 'Relay',
    });
  });

  it('drops lines below the threshold', () => {
    const { logger, lines } = capture('warn');
    logger.log('hidden');
    logger.debug('hidden');
    logger.warn('shown');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });

  it('has no correlation id outside a context', () => {
    const { logger, lines } = capture();
    logger.log('x');
    expect(lines[0].correlationId).toBeUndefined();
  });
});

describe('JsonLogger redaction', () => {
  function capture() {
    const lines: string[] = [];
    const logger = new JsonLogger('svc', 'info', (l) => lines.push(l));
    return { logger, lines };
  }
  const key = `bik_0123456789abcdef_${'A'.repeat(43)}`;

  it('writes no API key, webhook secret or bearer token, in fields or inside text', () => {
    const { logger, lines } = capture();
    logger.warn({ msg: `key ${key} refused`, authorization: `Bearer ${key}`, secret: 'whsec_abc' }, 'Auth');
    logger.log(`subscription secret whsec_c2VjcmV0 created; header Bearer ${key}`);
    const text = lines.join('\n');
    expect(text).not.toContain(key.slice(21));
    expect(text).not.toContain('whsec_');
    expect(text).not.toContain('0123456789abcdef_');
    expect(JSON.parse(lines[0])).toMatchObject({
      msg: 'key [redacted] refused',
      authorization: '[redacted]',
      secret: '[redacted]',
    });
  });

  it('writes no person of a report: names, dates of birth, phones and documents', () => {
    const { logger, lines } = capture();
    const report = {
      eventId: 'e-1',
      agencyId: 'PK-ANF',
      persons: [{ name: 'Gul Mohammad Khan', dateOfBirth: '1980-02-03', phones: ['+93700000001'] }],
    };
    logger.warn({ msg: 'refused record', report });
    expect(lines[0]).not.toContain('Gul Mohammad');
    expect(lines[0]).not.toContain('1980-02-03');
    expect(lines[0]).not.toContain('+93700000001');
    expect(JSON.parse(lines[0])).toMatchObject({
      report: { eventId: 'e-1', agencyId: 'PK-ANF', persons: '[redacted]' },
    });
  });

  it('keeps what operators need: ids, agencies, reasons and error names', () => {
    const { logger, lines } = capture();
    logger.error(new TypeError('bad plate'), undefined, 'Intake');
    logger.log({
      msg: 'dead-lettered',
      eventId: 'e-2',
      reason: 'refused: unsigned record',
      agencyId: 'AF-CNPA',
    });
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'bad plate', err: { name: 'TypeError' } });
    expect(JSON.parse(lines[1])).toMatchObject({
      eventId: 'e-2',
      reason: 'refused: unsigned record',
      agencyId: 'AF-CNPA',
    });
  });
});
