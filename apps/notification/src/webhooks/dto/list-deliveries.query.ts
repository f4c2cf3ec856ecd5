import { PageCursor, PageLimit } from '@app/platform';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** Query of GET /v1/deliveries. */
export class ListDeliveriesQuery {
  @ApiProperty({ enum: ['failed', 'pending', 'delivered'] })
  @IsIn(['failed', 'pending', 'delivered'], { message: 'must be failed, pending or delivered' })
  status: 'failed' | 'pending' | 'delivered';

  @PageCursor()
  cursor?: string;

  @PageLimit(500, 100)
  limit?: number;
}
