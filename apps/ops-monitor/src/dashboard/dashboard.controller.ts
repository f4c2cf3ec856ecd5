import { Controller } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ServePage } from '@app/platform';
import { DASHBOARD_PAGE } from './dashboard.page';

/** GET /: the operator dashboard. The page is public; its data needs an operator key. */
@ApiExcludeController()
@Controller()
export class DashboardController {
  @ServePage(DASHBOARD_PAGE)
  page(): string {
    return DASHBOARD_PAGE.html;
  }
}
