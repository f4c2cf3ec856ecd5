import { PageCursor, PageLimit } from '@app/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsISO8601, IsOptional, Matches } from 'class-validator';

/** Query of GET /v1/cases. */
export class ListCasesQuery {
  @ApiPropertyOptional({ example: 'PK-ANF', pattern: '^[A-Z]{2}-[A-Z0-9]{2,16}$' })
  @IsOptional()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{2,16}$/, { message: 'must be an agency id such as PK-ANF' })
  agencyId?: string;

  @ApiPropertyOptional({ description: 'true: only cases of agencies of at least two countries' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  crossBorder?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only cases updated at or after this time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an RFC 3339 timestamp' })
  since?: string;

  @PageCursor()
  cursor?: string;

  @PageLimit(200, 50)
  limit?: number;
}
