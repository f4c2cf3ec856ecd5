import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** Query of GET /v1/deliveries. */
export class ListDeliveriesQuery {
  @ApiProperty({ enum: ['failed', 'pending', 'delivered'] })
  @IsIn(['failed', 'pending', 'delivered'], { message: 'must be failed, pending or delivered' })
  status: 'failed' | 'pending' | 'delivered';

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(500)
  limit?: number;
}
