import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Body of POST /v1/alerts/{alertId}/ack. */
export class AckAlertDto {
  @ApiPropertyOptional({ maxLength: 2000, example: 'Called ANF BLO Peshawar; joint follow-up agreed.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
