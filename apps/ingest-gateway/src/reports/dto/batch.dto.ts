import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { RouteReportDto, SeizureReportDto } from '@app/contracts';
import { MAX_BATCH_ITEMS } from '../domain/batch-envelope';
import { AcceptedReportDto } from './accepted-report.dto';
import { ProblemDto } from './problem.dto';

/** One report of a batch, with its kind. */
@ApiExtraModels(SeizureReportDto, RouteReportDto)
export class BatchItemDto {
  @ApiProperty({ enum: ['seizure', 'route'] })
  type: 'seizure' | 'route';

  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(SeizureReportDto) }, { $ref: getSchemaPath(RouteReportDto) }],
    description: 'A SeizureReport when type is seizure, a RouteReport when type is route; each ≤ 256 KiB',
  })
  report: SeizureReportDto | RouteReportDto;
}

/** Body of POST /v1/reports:batch. */
export class BatchRequestDto {
  @ApiProperty({ type: () => BatchItemDto, isArray: true, minItems: 1, maxItems: MAX_BATCH_ITEMS })
  reports: BatchItemDto[];
}

/** The answer for one item of a batch, in request order. */
export class BatchItemResultDto {
  @ApiProperty({ description: 'Position of the item in the request', example: 0 })
  index: number;

  @ApiProperty({
    description: 'What the single endpoint would have answered: 202, 200 (repeat), 400, 403, 409 or 413',
    example: 202,
  })
  status: number;

  @ApiPropertyOptional({ format: 'uuid', description: "The item's eventId, when it had one" })
  eventId?: string;

  @ApiPropertyOptional({ type: () => AcceptedReportDto, description: 'Present for 202 and 200' })
  response?: AcceptedReportDto;

  @ApiPropertyOptional({ type: () => ProblemDto, description: 'Present for every other status' })
  problem?: ProblemDto;
}

/** 207 answer of POST /v1/reports:batch. */
export class BatchResponseDto {
  @ApiProperty({ description: 'Items stored by this request' })
  accepted: number;

  @ApiProperty({ description: 'Items already stored with the same body (status 200)' })
  duplicates: number;

  @ApiProperty({ description: 'Items not stored' })
  rejected: number;

  @ApiProperty({ type: () => BatchItemResultDto, isArray: true })
  results: BatchItemResultDto[];
}
