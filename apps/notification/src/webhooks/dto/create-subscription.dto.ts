import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { REPORT_CATEGORIES } from '@app/contracts';

/** Which alerts a subscription receives; every part optional. */
export class SubscriptionFilterDto {
  @ApiPropertyOptional({ enum: REPORT_CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(REPORT_CATEGORIES, { each: true, message: `each must be one of ${REPORT_CATEGORIES.join(', ')}` })
  categories?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({}, { message: 'must be a number between 0 and 1' })
  @Min(0)
  @Max(1)
  minScore?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  crossBorderOnly?: boolean;
}

/** Body of POST /v1/subscriptions. */
export class CreateSubscriptionDto {
  @ApiProperty({ example: 'https://liaison.anf.example.org/webhooks/intel' })
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be an http(s) URL' },
  )
  url: string;

  @ApiPropertyOptional({ type: SubscriptionFilterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubscriptionFilterDto)
  filter?: SubscriptionFilterDto;
}
