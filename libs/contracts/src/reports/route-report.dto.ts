import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMMODITY_TYPES,
  CONFIDENCE_LEVELS,
  WAYPOINT_ROLES,
  type CommodityType,
  type ConfidenceLevel,
  type WaypointRole,
} from './report-enums';
import {
  ArrayField,
  CoordinateField,
  CountryField,
  CrossingPointField,
  EnumField,
  NumberField,
  ObjectField,
  StringField,
  TimestampField,
  enumItems,
  OptionalStringListField,
} from './report-field.decorators';
import { REPORT_LIMITS } from './report-limits';
import { ReportBaseDto } from './report-base.dto';
import { COUNTRY_SCHEMA, OrganisationDto, PersonDto } from './report-parts.dto';

const { maxString, maxArrayItems, maxPhone } = REPORT_LIMITS;

/** One point of a trafficking route. */
export class WaypointDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 0,
    description: 'Order along the route; strictly increasing',
  })
  @NumberField({ integer: true, min: 0 })
  seq: number;

  @ApiProperty({ enum: [...WAYPOINT_ROLES], enumName: 'WaypointRole', example: 'CROSSING' })
  @EnumField(WAYPOINT_ROLES)
  role: WaypointRole;

  @ApiPropertyOptional({
    example: 'CHAMAN_SPIN_BOLDAK',
    maxLength: 32,
    description: 'Code from the crossing-point gazetteer',
  })
  @CrossingPointField({ optional: true })
  crossingPoint?: string;

  @ApiPropertyOptional({
    type: Number,
    minimum: -90,
    maximum: 90,
    example: 31.59,
    description: 'WGS 84; required with lon',
  })
  @CoordinateField('lat')
  lat?: number;

  @ApiPropertyOptional({
    type: Number,
    minimum: -180,
    maximum: 180,
    example: 64.37,
    description: 'WGS 84; required with lat',
  })
  @CoordinateField('lon')
  lon?: number;

  @ApiProperty({ ...COUNTRY_SCHEMA, example: 'AF' })
  @CountryField()
  country: string;

  @ApiPropertyOptional({ maxLength: maxString, example: 'Lashkar Gah' })
  @StringField({ max: maxString, optional: true })
  placeName?: string;
}

/** A vehicle plate a route is known to use. */
export class IndicatorPlateDto {
  @ApiProperty({ minLength: 1, maxLength: maxString, example: 'KDR 1182' })
  @StringField({ max: maxString, nonBlank: true })
  plate: string;

  @ApiPropertyOptional({ ...COUNTRY_SCHEMA, example: 'AF' })
  @CountryField({ optional: true })
  plateCountry?: string;
}

/** Identifiers that mark a route's consignments. */
export class RouteIndicatorsDto {
  @ApiPropertyOptional({ type: () => IndicatorPlateDto, isArray: true, maxItems: maxArrayItems })
  @ArrayField({ nested: () => IndicatorPlateDto }, { optional: true })
  plates?: IndicatorPlateDto[];

  @OptionalStringListField(maxString, { example: ['MSCU1234565'] })
  containers?: string[];

  @OptionalStringListField(maxPhone, { example: ['+93701234567'] })
  phones?: string[];

  @ApiPropertyOptional({ type: () => PersonDto, isArray: true, maxItems: maxArrayItems })
  @ArrayField({ nested: () => PersonDto }, { optional: true })
  persons?: PersonDto[];

  @ApiPropertyOptional({ type: () => OrganisationDto, isArray: true, maxItems: maxArrayItems })
  @ArrayField({ nested: () => OrganisationDto }, { optional: true })
  organisations?: OrganisationDto[];
}

/** A trafficking route an agency reports (docs/contract.md#routereport); value of `intel.route.reported.v1`. */
export class RouteReportDto extends ReportBaseDto {
  @ApiProperty({
    minLength: 1,
    maxLength: REPORT_LIMITS.maxRef,
    example: 'CNPA-RT-2026-017',
    description: "The agency's own route reference; reports with the same ref amend one agency case",
  })
  @StringField({ max: REPORT_LIMITS.maxRef, nonBlank: true })
  routeRef: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-02-01T00:00:00+04:30',
    description: 'Start of the period the route is believed active',
  })
  @TimestampField()
  validFrom: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-06-30T23:59:59+04:30',
    description: 'End of that period; not before validFrom; open-ended if absent',
  })
  @TimestampField({ optional: true, notBefore: 'validFrom' })
  validTo?: string;

  @ApiPropertyOptional({
    enum: [...COMMODITY_TYPES],
    enumName: 'CommodityType',
    isArray: true,
    maxItems: maxArrayItems,
    example: ['HEROIN', 'METHAMPHETAMINE'],
  })
  @ArrayField(enumItems(COMMODITY_TYPES), { optional: true })
  commodityTypes?: CommodityType[];

  @ApiProperty({
    type: () => WaypointDto,
    isArray: true,
    minItems: REPORT_LIMITS.minWaypoints,
    maxItems: maxArrayItems,
  })
  @ArrayField({ nested: () => WaypointDto }, { min: REPORT_LIMITS.minWaypoints, increasing: 'seq' })
  waypoints: WaypointDto[];

  @ApiPropertyOptional({ type: () => RouteIndicatorsDto })
  @ObjectField(() => RouteIndicatorsDto, { optional: true })
  indicators?: RouteIndicatorsDto;

  @ApiProperty({ enum: [...CONFIDENCE_LEVELS], enumName: 'ConfidenceLevel', example: 'PROBABLE' })
  @EnumField(CONFIDENCE_LEVELS)
  confidence: ConfidenceLevel;

  @ApiPropertyOptional({
    maxLength: REPORT_LIMITS.maxModusOperandi,
    example: 'Night crossings on foot, loads moved to trucks at Chaman.',
  })
  @StringField({ max: REPORT_LIMITS.maxModusOperandi, optional: true })
  modusOperandi?: string;
}
