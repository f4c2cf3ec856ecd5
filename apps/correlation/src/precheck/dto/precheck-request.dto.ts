import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { ConveyanceDto, OrganisationDto, PersonDto, REPORT_LIMITS, defaultGazetteer } from '@app/contracts';

const { maxArrayItems } = REPORT_LIMITS;

/** The identifiers of a consignment waiting at a crossing point (`POST /v1/prechecks`). */
export class PrecheckRequestDto {
  @ApiProperty({
    format: 'uuid',
    description: "The checking agency's id of this check; a retry with the same id gets the first answer",
  })
  @IsUUID('all', { message: 'must be a UUID' })
  checkId: string;

  @ApiProperty({ example: 'TORKHAM', description: 'Code from the shipped crossing-point gazetteer' })
  @IsString({ message: 'must be a crossing-point code' })
  @ValidateBy({
    name: 'knownCrossingPoint',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && defaultGazetteer.byCode(v) !== undefined,
      defaultMessage: (a) => `unknown crossing point ${JSON.stringify(a?.value)}`,
    },
  })
  crossingPoint: string;

  @ApiPropertyOptional({ type: () => ConveyanceDto, isArray: true, maxItems: maxArrayItems })
  @IsOptional()
  @IsArray({ message: 'must be an array' })
  @ArrayMaxSize(maxArrayItems, { message: `must have at most ${maxArrayItems} items` })
  @ValidateNested({ each: true })
  @Type(() => ConveyanceDto)
  conveyances?: ConveyanceDto[];

  @ApiPropertyOptional({ type: () => PersonDto, isArray: true, maxItems: maxArrayItems })
  @IsOptional()
  @IsArray({ message: 'must be an array' })
  @ArrayMaxSize(maxArrayItems, { message: `must have at most ${maxArrayItems} items` })
  @ValidateNested({ each: true })
  @Type(() => PersonDto)
  persons?: PersonDto[];

  @ApiPropertyOptional({ type: () => OrganisationDto, isArray: true, maxItems: maxArrayItems })
  @IsOptional()
  @IsArray({ message: 'must be an array' })
  @ArrayMaxSize(maxArrayItems, { message: `must have at most ${maxArrayItems} items` })
  @ValidateNested({ each: true })
  @Type(() => OrganisationDto)
  organisations?: OrganisationDto[];
}
