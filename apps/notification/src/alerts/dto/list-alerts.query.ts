import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** Query of GET /v1/alerts. */
export class ListAlertsQuery {
  @ApiPropertyOptional({ enum: ['new', 'acknowledged'] })
  @IsOptional()
  @IsIn(['new', 'acknowledged'], { message: 'must be new or acknowledged' })
  status?: 'new' | 'acknowledged';

  @ApiPropertyOptional({ enum: ['HIGH', 'MEDIUM', 'LOW'] })
  @IsOptional()
  @IsIn(['HIGH', 'MEDIUM', 'LOW'], { message: 'must be HIGH, MEDIUM or LOW' })
  severity?: 'HIGH' | 'MEDIUM' | 'LOW';

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(200)
  limit?: number;
}
