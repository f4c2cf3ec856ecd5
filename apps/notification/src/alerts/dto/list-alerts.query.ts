import { PageCursor, PageLimit } from '@app/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

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

  @PageCursor()
  cursor?: string;

  @PageLimit(200, 50)
  limit?: number;
}
