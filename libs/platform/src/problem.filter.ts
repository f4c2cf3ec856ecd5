import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isTransientError } from '@app/kafka';
import { problem, type ProblemDetails } from '@app/contracts';
import { ModuleError, moduleErrorProblem } from './module-error';
import { ProblemException, statusTitle } from './problem';

/** Turns any error at the HTTP edge into application/problem+json; never leaks internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const { body, headers } = this.toProblem(exception);
    if (body.status >= 500) {
      this.logger.error(
        {
          msg: 'request failed',
          method: request.method,
          url: request.url,
          status: body.status,
          error: (exception as Error)?.message,
        },
        (exception as Error)?.stack,
      );
    }
    void reply
      .status(body.status)
      .headers(headers)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(JSON.stringify({ ...body, instance: request.url }));
  }

  private toProblem(exception: unknown): { body: ProblemDetails; headers: Record<string, string> } {
    if (exception instanceof ProblemException)
      return { body: exception.problemBody, headers: exception.headers };
    if (exception instanceof ModuleError) {
      const body = moduleErrorProblem(exception);
      if (body) return { body, headers: exception.headers };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message = typeof res === 'string' ? res : (res as { message?: unknown }).message;
      const detail = Array.isArray(message)
        ? message.map(String).join('; ')
        : typeof message === 'string'
          ? message
          : exception.message;
      return { body: problem(status, statusTitle(status), detail), headers: {} };
    }
    // The database (or another dependency) is unreachable: ask the client to come back.
    if (isTransientError(exception)) {
      return {
        body: problem(
          503,
          statusTitle(503),
          'A dependency of this service is unavailable; nothing was stored. Retry later.',
        ),
        headers: { 'retry-after': '5' },
      };
    }
    return { body: problem(500, statusTitle(500), 'Unexpected error; it has been logged.'), headers: {} };
  }
}
