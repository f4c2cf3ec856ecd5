import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Answer of GET /v1/reports/{eventId}. */
export class ReportStatusDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({
    enum: ['accepted', 'published'],
    description: 'accepted: stored in the outbox; published: on its Kafka topic',
  })
  status: 'accepted' | 'published';

  @ApiProperty({ format: 'date-time' })
  acceptedAt: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the brokers acknowledged the record' })
  publishedAt?: string;
}
