import { ApiPropertyOptional } from '@nestjs/swagger';

/** Body of POST /v1/dlq/{topic}/replay (documentation; parsed by parseReplayRequest). */
export class ReplayDlqDto {
  @ApiPropertyOptional({ description: 'Replay only this partition of the DLQ topic', minimum: 0 })
  partition?: number;

  @ApiPropertyOptional({
    description: 'Replay only these DLQ offsets (numbers or digit strings)',
    type: [String],
    example: ['41', '42'],
  })
  offsets?: (number | string)[];

  @ApiPropertyOptional({
    description: 'At most this many records (default 1000)',
    minimum: 1,
    maximum: 10000,
  })
  limit?: number;
}
