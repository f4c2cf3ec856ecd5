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
