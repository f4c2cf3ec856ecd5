import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';

/** Body of POST /v1/alerts/{alertId}/requests: what to ask the alert's counterpart for, and why. */
export class CreateRequestDto {
  @ApiProperty({
    type: [String],
    example: ['persons[].name', 'persons[].phones[]'],
    description:
      'Report field patterns the counterpart withheld (GET /v1/requests/options lists those it may release)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  fields: string[];

  @ApiProperty({
    minLength: 10,
    maxLength: 2000,
    example: 'Driver of the truck seized at Torkham; we need his name to open a case against the owner.',
  })
  @IsString()
  @MinLength(10, { message: 'must say why, in at least 10 characters' })
  @MaxLength(2000)
  justification: string;

  @ApiProperty({
    example: 'UNTOC-27',
    description: 'One of the configured legal bases (REQUEST_LEGAL_BASES)',
  })
  @IsString()
  @MaxLength(100)
  legalBasis: string;
}

/** Body of POST /v1/requests/{requestId}/decision: the fields released (none: denied) and a note. */
export class DecideRequestDto {
  @ApiProperty({
    type: [String],
    example: ['persons[].name'],
    description: 'The requested fields approved for release; an empty list denies the request',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  approvedFields: string[];

  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    example: 'Name released; the phone is part of an open operation.',
  })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(2000)
  note: string;
}

/** Query of GET /v1/requests. */
export class ListRequestsQuery {
  @ApiPropertyOptional({
    enum: ['incoming', 'outgoing'],
    description: 'incoming: asked of this agency; outgoing: sent by it; both when absent',
  })
  @IsOptional()
  @IsIn(['incoming', 'outgoing'], { message: 'must be incoming or outgoing' })
  direction?: 'incoming' | 'outgoing';

  @ApiPropertyOptional({ enum: ['PENDING', 'APPROVED', 'PARTLY_APPROVED', 'DENIED', 'EXPIRED'] })
  @IsOptional()
  @IsIn(['PENDING', 'APPROVED', 'PARTLY_APPROVED', 'DENIED', 'EXPIRED'], {
    message: 'must be PENDING, APPROVED, PARTLY_APPROVED, DENIED or EXPIRED',
  })
  status?: string;
}
