import { ApiProperty } from '@nestjs/swagger';

/** 202 (and, for a repeat of the same report, 200) answer of POST /v1/seizures and /v1/routes. */
export class AcceptedReportDto {
  @ApiProperty({ format: 'uuid', example: '0b8f5f2e-6f0a-4c1e-9a51-2f1d3c4b5a69' })
  eventId: string;

  @ApiProperty({
    enum: ['accepted'],
    example: 'accepted',
    description: 'Stored durably; published to Kafka by the outbox relay',
  })
  status: 'accepted';
}
