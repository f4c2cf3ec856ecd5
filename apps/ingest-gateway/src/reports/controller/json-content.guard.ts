import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ReportError, ReportErrorCode } from '../reports.errors';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reports are JSON only. Fastify also parses text/plain and Nest form bodies, so a
 * report sent with those types would otherwise reach validation: answer 415 instead.
 */
@Injectable()
export class JsonContentGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const header = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers[
      'content-type'
    ];
    if (header && JSON_TYPE.test(header)) return true;
    throw new ReportError(
      ReportErrorCode.UNSUPPORTED_MEDIA_TYPE,
      `Content type ${header ?? '(none)'} is not supported; send application/json.`,
    );
  }
}
