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

/** A seizure an agency reports (docs/contract.md#seizurereport); value of `intel.seizure.reported.v1`. */
export class SeizureReportDto extends ReportBaseDto {
  @StringField(
    { max: REPORT_LIMITS.maxRef, nonBlank: true },
    {
      example: 'ANF-PES-2026-0412',
      description: "The agency's own case reference; reports with the same ref amend one agency case",
    },
  )
  agencyCaseRef: string;

  @TimestampField(
    { notFutureBeyondMs: REPORT_LIMITS.maxFutureSkewMs },
    { example: '2026-03-14T06:30:00+05:00', description: 'RFC 3339; at most 10 minutes in the future' },
  )
  occurredAt: string;

  @ObjectField(
    () => LocationDto,
    { place: true },
    { description: 'A known crossingPoint, or lat and lon, or both' },
  )
  location: LocationDto;

  @ArrayField({ nested: () => CommodityDto }, { optional: true })
  commodities?: CommodityDto[];

  @ArrayField({ nested: () => ConveyanceDto }, { optional: true })
  conveyances?: ConveyanceDto[];

  @ArrayField({ nested: () => PersonDto }, { optional: true })
  persons?: PersonDto[];

  @ArrayField({ nested: () => OrganisationDto }, { optional: true })
  organisations?: OrganisationDto[];

  @ObjectField(
    () => DeclaredRouteDto,
    { optional: true },
    { description: 'As declared by the suspects or documents' },
  )
  route?: DeclaredRouteDto;

  @StringField(
    { max: REPORT_LIMITS.maxConcealment, optional: true },
    { example: 'false floor of the trailer' },
  )
  concealment?: string;
}
