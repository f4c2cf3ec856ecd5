import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { ReportBaseDto } from './report-base.dto';
import {
  ClassificationDto,
  CommodityDto,
  ConveyanceDto,
  DeclaredRouteDto,
  LocationDto,
  OrganisationDto,
  PersonDocumentDto,
  PersonDto,
} from './report-parts.dto';
import { IndicatorPlateDto, RouteIndicatorsDto, RouteReportDto, WaypointDto } from './route-report.dto';
import { SeizureReportDto } from './seizure-report.dto';

// The OpenAPI document is read from @ApiProperty metadata and validation from
// class-validator metadata; these specs keep the two describing the same contract.

type Ctor = abstract new () => object;

const DTOS: [string, Ctor][] = [
  ['SeizureReportDto', SeizureReportDto],
  ['RouteReportDto', RouteReportDto],
  ['ClassificationDto', ClassificationDto],
  ['LocationDto', LocationDto],
  ['CommodityDto', CommodityDto],
  ['ConveyanceDto', ConveyanceDto],
  ['PersonDto', PersonDto],
  ['PersonDocumentDto', PersonDocumentDto],
  ['OrganisationDto', OrganisationDto],
  ['DeclaredRouteDto', DeclaredRouteDto],
  ['WaypointDto', WaypointDto],
  ['RouteIndicatorsDto', RouteIndicatorsDto],
  ['IndicatorPlateDto', IndicatorPlateDto],
];

function swaggerProperties(dto: Ctor): Map<string, Record<string, unknown>> {
  const keys = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, dto.prototype) ?? []) as string[];
  return new Map(
    keys.map((k) => {
      const name = k.slice(1);
      return [
        name,
        Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, name) as Record<string, unknown>,
      ];
    }),
  );
}

function validated(dto: Ctor): { all: Set<string>; required: Set<string> } {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return {
    all: new Set(metadata.map((m) => m.propertyName)),
    required: new Set(metadata.filter((m) => m.type === 'isDefined').map((m) => m.propertyName)),
  };
}

describe('report DTO OpenAPI metadata', () => {
  it.each(DTOS)('%s documents exactly the properties it validates', (_name, dto) => {
    expect([...swaggerProperties(dto).keys()].sort()).toEqual([...validated(dto).all].sort());
  });

  it.each(DTOS)('%s marks as required exactly the properties validation requires', (_name, dto) => {
    const required = [...swaggerProperties(dto)]
      .filter(([, meta]) => meta.required !== false)
      .map(([name]) => name);
    expect(required.sort()).toEqual([...validated(dto).required].sort());
  });

  it.each<[Ctor, string, Record<string, unknown>]>([
    [ReportBaseDto, 'eventId', { format: 'uuid' }],
    [ReportBaseDto, 'reportedAt', { format: 'date-time' }],
    [SeizureReportDto, 'agencyCaseRef', { maxLength: 64 }],
    [SeizureReportDto, 'commodities', { maxItems: 100, isArray: true }],
    [ReportBaseDto, 'narrative', { maxLength: 8000 }],
    [RouteReportDto, 'waypoints', { minItems: 2, maxItems: 100 }],
    [RouteReportDto, 'modusOperandi', { maxLength: 2000 }],
    [
      ClassificationDto,
      'tlp',
      { enum: ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'], enumName: 'TlpLevel' },
    ],
    [LocationDto, 'lat', { minimum: -90, maximum: 90 }],
    [LocationDto, 'lon', { minimum: -180, maximum: 180 }],
    [CommodityDto, 'quantity', { minimum: 0, exclusiveMinimum: true }],
    [PersonDto, 'dateOfBirth', { format: 'date' }],
  ])('%p.%s carries %p', (dto, property, expected) => {
    expect(swaggerProperties(dto).get(property)).toMatchObject(expected);
  });
});
