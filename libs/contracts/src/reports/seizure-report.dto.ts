import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayField, ObjectField, StringField, TimestampField } from './report-field.decorators';
import { REPORT_LIMITS } from './report-limits';
import { ReportBaseDto } from './report-base.dto';
import {
  CommodityDto,
  ConveyanceDto,
  DeclaredRouteDto,
  LocationDto,
  OrganisationDto,
  PersonDto,
} from './report-parts.dto';

const { maxArrayItems } = REPORT_LIMITS;

/** A seizure an agency reports (docs/contract.md#seizurereport); value of `intel.seizure.reported.v1`. */
export class SeizureReportDto extends ReportBaseDto {
  @ApiProperty({
    minLength: 1,
    maxLength: REPORT_LIMITS.maxRef,
    example: 'ANF-PES-2026-0412',
    description: "The agency's own case reference; reports with the same ref amend one agency case",
  })
  @StringField({ max: REPORT_LIMITS.maxRef, nonBlank: true })
  agencyCaseRef: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-03-14T06:30:00+05:00',
    description: 'RFC 3339; at most 10 minutes in the future',
  })
  @TimestampField({ notFutureBeyondMs: REPORT_LIMITS.maxFutureSkewMs })
  occurredAt: string;

  @ApiProperty({ type: () => LocationDto, description: 'A known crossingPoint, or lat and lon, or both' })
  @ObjectField(() => LocationDto, { place: true })
  location: LocationDto;

  @ApiPropertyOptional({ type: () => CommodityDto, isArray: true, maxItems: maxArrayItems })
  @ArrayField({ nested: () => CommodityDto }, { optional: true })
  commodities?: CommodityDto[];

  @ApiPropertyOptional({ type: () => ConveyanceDto, isArray: true, maxItems: maxArrayItems })
  @ArrayField({ nested: () => ConveyanceDto }, { optional: true })
  conveyances?: ConveyanceDto[];

  @ApiPropertyOptional({ type: () => PersonDto, isArray: true, maxItems: maxArrayItems })
  @ArrayField({ nested: () => PersonDto }, { optional: true })
  persons?: PersonDto[];

  @ApiPropertyOptional({ type: () => OrganisationDto, isArray: true, maxItems: maxArrayItems })
  @ArrayField({ nested: () => OrganisationDto }, { optional: true })
  organisations?: OrganisationDto[];

  @ApiPropertyOptional({
    type: () => DeclaredRouteDto,
    description: 'As declared by the suspects or documents',
  })
  @ObjectField(() => DeclaredRouteDto, { optional: true })
  route?: DeclaredRouteDto;

  @ApiPropertyOptional({ maxLength: REPORT_LIMITS.maxConcealment, example: 'false floor of the trailer' })
  @StringField({ max: REPORT_LIMITS.maxConcealment, optional: true })
  concealment?: string;
}
