import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, Roles } from '@app/identity';

/**
 * A controller of the ops monitor's API at `/v1/<name>` (docs/contract.md#ops-monitor-api):
 * operator keys only, documented under the tag `<name>`.
 */
export function OperatorApi(name: string): ClassDecorator {
  return applyDecorators(
    ApiTags(name),
    ApiBearerAuth(),
    UseGuards(ApiKeyGuard),
    Roles('operator'),
    Controller(`v1/${name}`),
  );
}
