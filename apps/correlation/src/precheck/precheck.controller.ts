import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PrecheckRequestDto } from './dto/precheck-request.dto';
import { ApiKeyGuard, CurrentPrincipal, Roles, type Principal } from '@app/identity';
import type { PrecheckResponse } from './dto/precheck-response';
import { PrecheckService } from './precheck.service';

/** Consignment pre-check (docs/contract.md#http-apis): CLEAR or HIT for a waiting consignment's identifiers. */
@ApiTags('prechecks')
@ApiBearerAuth()
@Controller('v1/prechecks')
@UseGuards(ApiKeyGuard)
@Roles('publisher')
export class PrecheckController {
  constructor(private readonly prechecks: PrecheckService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Checks a waiting consignment's identifiers against other agencies' cases (hit/no-hit)",
  })
  @ApiBody({ type: PrecheckRequestDto })
  @ApiOkResponse({
    description: '{ checkId, result: CLEAR | HIT, hits: [{ hitId, feature, counterpart, clusterId? }] }',
  })
  check(@Body() body: unknown, @CurrentPrincipal() p: Principal): Promise<PrecheckResponse> {
    // Validated (problem+json 400 naming each bad field) and keyed in PrecheckService.
    // A publisher key is always bound to an agency (keyScopeProblem).
    return this.prechecks.check(body, { keyId: p.keyId, agencyId: p.agencyId! });
  }
}
