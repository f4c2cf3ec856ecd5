import { LoggerService } from '@nestjs/common';
import { currentCorrelationId } from './correlation-context';
import { redactForLog } from './log-redaction';
import { traceLogFields } from './tracing';

export type JsonLogLevel = 'error' | 'warn' | 'info' | 'debug' | 'verbose';

const RANK: Record<JsonLogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3, verbose: 4 };

/** Where log lines go; replaced in tests to capture them. */
export type LogSink = (line: string) => void;

/** One structured logger for the process: a JSON object per line with correlation and trace ids (docs/operating.md#traces), redacted. */
export class JsonLogger implements LoggerService {
  private threshold: number;

  constructor(
    private readonly service: string,
    level: JsonLogLevel = 'info',
    private readonly sink: LogSink = (line) => process.stdout.write(line + '\n'),
  ) {
    this.threshold = RANK[level];
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }

  private write(level: JsonLogLevel, message: unknown, rest: unknown[]): void {
    if (RANK[level] > this.threshold) return;
    // Nest passes the context as the last string argument, and for errors a stack before it.
    const args = [...rest];
    const context = typeof args[args.length - 1] === 'string' ? (args.pop() as string) : undefined;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      context,
    };
    const correlationId = currentCorrelationId();
    if (correlationId) entry.correlationId = correlationId;
    Object.assign(entry, traceLogFields());
    if (message instanceof Error) {
      entry.msg = message.message;
      entry.err = { name: message.name, message: message.message, stack: message.stack };
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(entry, message);
    } else {
      entry.msg = String(message);
    }
    for (const extra of args) {
      if (typeof extra === 'string' && level === 'error') entry.stack = extra;
      else if (extra instanceof Error)
        entry.err = { name: extra.name, message: extra.message, stack: extra.stack };
      else if (typeof extra === 'object' && extra !== null) Object.assign(entry, extra);
    }
    this.sink(JSON.stringify(entry, redactForLog));
  }
}
