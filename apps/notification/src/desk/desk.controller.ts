import { Controller } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ServePage } from '@app/platform';
import { DESK_PAGE } from './desk.page';

/** GET /desk: the liaison desk (docs/desk.md). The page is public; its data needs a liaison key. */
@ApiExcludeController()
@Controller('desk')
export class DeskController {
  @ServePage(DESK_PAGE)
  page(): string {
    return DESK_PAGE.html;
  }
}
