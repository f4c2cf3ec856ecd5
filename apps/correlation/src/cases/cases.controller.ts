import { Controller, Get, Param, ParseUUIDPipe, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { validateInput } from '@app/platform';
import { CasesService } from './cases.service';
import { ListCasesQuery } from './dto/list-cases.query';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

/** Case API (docs/contract.md#case-api): cross-border cases and the reasons of every link. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases')
@UseGuards(ApiKeyGuard)
@Roles('publisher', 'liaison', 'operator')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @ApiOperation({ summary: 'Cases the caller may see, newest update first, paged by cursor' })
  @ApiOkResponse({ description: '{ items: [{ clusterId, countries, crossBorder, updatedAt }], nextCursor }' })
  @ApiQuery({ type: ListCasesQuery })
  list(@Query() query: Record<string, unknown>, @CurrentPrincipal() p: Principal) {
    const q = validateInput(ListCasesQuery, query, 'query');
    return this.cases.list(
      {
        agencyId: q.agencyId,
        crossBorder: q.crossBorder,
        since: q.since ? new Date(q.since) : undefined,
        cursor: q.cursor,
        limit: q.limit ?? 50,
      },
      { agencyId: p.agencyId },
    );
  }

  @Get('by-event/:eventId')
  @ApiOperation({ summary: 'The case holding a report' })
  @ApiParam({ name: 'eventId', format: 'uuid', description: 'A report eventId; not a UUID answers 404' })
  byEvent(@Param('eventId', uuid) eventId: string, @CurrentPrincipal() p: Principal) {
    return this.cases.byEvent(eventId, { agencyId: p.agencyId, keyId: p.keyId });
  }

  @Get(':clusterId')
  @ApiOperation({ summary: 'A cross-border case: member agency cases, links with score and reasons' })
  @ApiParam({
    name: 'clusterId',
    format: 'uuid',
    description: 'An absorbed cluster id answers with its survivor',
  })
  byCluster(@Param('clusterId', uuid) clusterId: string, @CurrentPrincipal() p: Principal) {
    return this.cases.byCluster(clusterId, { agencyId: p.agencyId, keyId: p.keyId });
  }
}
