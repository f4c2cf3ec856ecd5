import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JsonTextBody, parseJsonText } from '@app/platform';
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

  /**
   * An ordinary route (the key, rate limit and depth checked before the body is read, request
   * log and metrics as everywhere). Its JSON body arrives as text: a certainly valid check is
   * keyed from it (in a keying worker when PRECHECK_KEYING_WORKERS > 0) and the event loop never
   * parses it; any other is parsed and validated, every bad field named in the 400.
   */
  @Post()
  @HttpCode(200)
  @JsonTextBody()
  @ApiOperation({
    summary: "Checks a waiting consignment's identifiers against other agencies' cases (hit/no-hit)",
  })
  @ApiBody({ type: PrecheckRequestDto })
  @ApiOkResponse({
    description: '{ checkId, result: CLEAR | HIT, hits: [{ hitId, feature, counterpart, clusterId? }] }',
  })
  async check(@Body() body: unknown, @CurrentPrincipal() p: Principal): Promise<PrecheckResponse> {
    // A publisher key is always bound to an agency (keyScopeProblem).
    const checker = { keyId: p.keyId, agencyId: p.agencyId! };
    if (typeof body !== 'string') return this.prechecks.check(body, checker);
    return (
      (await this.prechecks.checkText(body, checker)) ?? this.prechecks.check(parseJsonText(body), checker)
    );
  }
}
