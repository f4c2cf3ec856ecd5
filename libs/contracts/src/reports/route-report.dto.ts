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
  OptionalEnumListField,
  StringField,
  TimestampField,
  OptionalStringListField,
} from './report-field.decorators';
import { REPORT_LIMITS } from './report-limits';
import { ReportBaseDto } from './report-base.dto';
import { OrganisationDto, PersonDto } from './report-parts.dto';

const { maxString, maxPhone } = REPORT_LIMITS;

/** One point of a trafficking route. */
export class WaypointDto {
  @NumberField(
    { integer: true, min: 0 },
    { example: 0, description: 'Order along the route; strictly increasing' },
  )
  seq: number;

  @EnumField(WAYPOINT_ROLES, { enumName: 'WaypointRole', example: 'CROSSING' })
  role: WaypointRole;

  @CrossingPointField(
    { optional: true },
    { example: 'CHAMAN_SPIN_BOLDAK', description: 'Code from the crossing-point gazetteer' },
  )
  crossingPoint?: string;

  @CoordinateField('lat', 31.59)
  lat?: number;

  @CoordinateField('lon', 64.37)
  lon?: number;

  @CountryField({}, { example: 'AF' })
  country: string;

  @StringField({ max: maxString, optional: true }, { example: 'Lashkar Gah' })
  placeName?: string;
}

/** A vehicle plate a route is known to use. */
export class IndicatorPlateDto {
  @StringField({ max: maxString, nonBlank: true }, { example: 'KDR 1182' })
  plate: string;

  @CountryField({ optional: true }, { example: 'AF' })
  plateCountry?: string;
}

/** Identifiers that mark a route's consignments. */
export class RouteIndicatorsDto {
  @ArrayField({ nested: () => IndicatorPlateDto }, { optional: true })
  plates?: IndicatorPlateDto[];

  @OptionalStringListField(maxString, { example: ['MSCU1234565'] })
  containers?: string[];

  @OptionalStringListField(maxPhone, { example: ['+93701234567'] })
  phones?: string[];

  @ArrayField({ nested: () => PersonDto }, { optional: true })
  persons?: PersonDto[];

  @ArrayField({ nested: () => OrganisationDto }, { optional: true })
  organisations?: OrganisationDto[];
}

/** A trafficking route an agency reports (docs/contract.md#routereport); value of `intel.route.reported.v1`. */
export class RouteReportDto extends ReportBaseDto {
  @StringField(
    { max: REPORT_LIMITS.maxRef, nonBlank: true },
    {
      example: 'CNPA-RT-2026-017',
      description: "The agency's own route reference; reports with the same ref amend one agency case",
    },
  )
  routeRef: string;

  @TimestampField(
    {},
    { example: '2026-02-01T00:00:00+04:30', description: 'Start of the period the route is believed active' },
  )
  validFrom: string;

  @TimestampField(
    { optional: true, notBefore: 'validFrom' },
    {
      example: '2026-06-30T23:59:59+04:30',
      description: 'End of that period; not before validFrom; open-ended if absent',
    },
  )
  validTo?: string;

  @OptionalEnumListField(COMMODITY_TYPES, {
    enumName: 'CommodityType',
    example: ['HEROIN', 'METHAMPHETAMINE'],
  })
  commodityTypes?: CommodityType[];

  @ArrayField({ nested: () => WaypointDto }, { min: REPORT_LIMITS.minWaypoints, increasing: 'seq' })
  waypoints: WaypointDto[];

  @ObjectField(() => RouteIndicatorsDto, { optional: true })
  indicators?: RouteIndicatorsDto;

  @EnumField(CONFIDENCE_LEVELS, { enumName: 'ConfidenceLevel', example: 'PROBABLE' })
  confidence: ConfidenceLevel;

  @StringField(
    { max: REPORT_LIMITS.maxModusOperandi, optional: true },
    { example: 'Night crossings on foot, loads moved to trucks at Chaman.' },
  )
  modusOperandi?: string;
}
