import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DESK_CSP, DESK_HTML } from './desk.page';

/** GET /desk: the liaison desk (docs/desk.md). The page is public; its data needs a liaison key. */
@ApiExcludeController()
@Controller('desk')
export class DeskController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', DESK_CSP)
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  @Header('referrer-policy', 'no-referrer')
  page(): string {
    return DESK_HTML;
  }
}
