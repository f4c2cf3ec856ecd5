// The objects reports are made of (docs/contract.md#reports). The same classes validate HTTP bodies
// and Kafka record values; the Swagger metadata mirrors the validation rules, taking
// every number from REPORT_LIMITS so the two cannot drift.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMMODITY_TYPES,
  CONVEYANCE_KINDS,
  DOCUMENT_TYPES,
  PERSON_ROLES,
  QUANTITY_UNITS,
  TLP_LEVELS,
  type CommodityType,
  type ConveyanceKind,
  type DocumentType,
  type PersonRole,
  type QuantityUnit,
  type TlpLevel,
} from './report-enums';
import {
  ArrayField,
  COUNTRY_ITEM,
  CoordinateField,
  CountryField,
  CrossingPointField,
  EnumField,
  FullDateField,
  NumberField,
  StringField,
  OptionalStringListField,
} from './report-field.decorators';
import { REPORT_LIMITS } from './report-limits';

const { maxString, maxArrayItems, maxPhone } = REPORT_LIMITS;

/** Swagger metadata of an ISO 3166-1 alpha-2 code. */
export const COUNTRY_SCHEMA = { pattern: '^[A-Z]{2}$', minLength: 2, maxLength: 2 } as const;

/** TLP 2.0 marking of a report. */
export class ClassificationDto {
  @ApiProperty({
    enum: [...TLP_LEVELS],
    enumName: 'TlpLevel',
    example: 'AMBER',
    description: 'TLP 2.0 level',
  })
  @EnumField(TLP_LEVELS)
  tlp: TlpLevel;

  @OptionalStringListField(maxString, {
    example: ['NO-FURTHER-DISSEMINATION'],
    description: 'Extra handling caveats',
  })
  handling?: string[];
}

/** Where a seizure happened: a known crossing point, or lat/lon, or both. */
export class LocationDto {
  @ApiPropertyOptional({
    example: 'TORKHAM',
    maxLength: 32,
    description: 'Code from the shipped crossing-point gazetteer',
  })
  @CrossingPointField({ optional: true })
  crossingPoint?: string;

  @ApiPropertyOptional({
    type: Number,
    minimum: -90,
    maximum: 90,
    example: 34.108,
    description: 'WGS 84; required with lon',
  })
  @CoordinateField('lat')
  lat?: number;

  @ApiPropertyOptional({
    type: Number,
    minimum: -180,
    maximum: 180,
    example: 71.096,
    description: 'WGS 84; required with lat',
  })
  @CoordinateField('lon')
  lon?: number;

  @ApiProperty({
    ...COUNTRY_SCHEMA,
    example: 'PK',
    description: 'ISO 3166-1 alpha-2 country where it happened',
  })
  @CountryField()
  country: string;

  @ApiPropertyOptional({ maxLength: maxString, example: 'Torkham border terminal, inbound lane 3' })
  @StringField({ max: maxString, optional: true })
  placeName?: string;
}

/** One seized commodity. */
export class CommodityDto {
  @ApiProperty({ enum: [...COMMODITY_TYPES], enumName: 'CommodityType', example: 'HEROIN' })
  @EnumField(COMMODITY_TYPES)
  type: CommodityType;

  @ApiProperty({
    type: Number,
    exclusiveMinimum: true,
    minimum: 0,
    example: 42.5,
    description: 'Greater than 0',
  })
  @NumberField({ greaterThan: 0 })
  quantity: number;

  @ApiProperty({ enum: [...QUANTITY_UNITS], enumName: 'QuantityUnit', example: 'KG' })
  @EnumField(QUANTITY_UNITS)
  unit: QuantityUnit;

  @ApiPropertyOptional({ maxLength: maxString, example: 'brown powder in 1 kg packets' })
  @StringField({ max: maxString, optional: true })
  description?: string;
}

/** A vehicle, container, vessel, aircraft or other means of transport. */
export class ConveyanceDto {
  @ApiProperty({ enum: [...CONVEYANCE_KINDS], enumName: 'ConveyanceKind', example: 'TRUCK' })
  @EnumField(CONVEYANCE_KINDS)
  kind: ConveyanceKind;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: maxString,
    example: 'KBL 4521',
    description: 'As written; normalised for matching',
  })
  @StringField({ max: maxString, nonBlank: true, optional: true })
  plate?: string;

  @ApiPropertyOptional({ ...COUNTRY_SCHEMA, example: 'AF', description: 'Country that issued the plate' })
  @CountryField({ optional: true })
  plateCountry?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: maxString,
    example: 'MSCU1234565',
    description: 'ISO 6346',
  })
  @StringField({ max: maxString, nonBlank: true, optional: true })
  containerNumber?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: maxString, example: '1HGCM82633A004352' })
  @StringField({ max: maxString, nonBlank: true, optional: true })
  vin?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: maxString, example: 'IMO 9321483' })
  @StringField({ max: maxString, nonBlank: true, optional: true })
  vesselImo?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: maxString, example: 'FG 311' })
  @StringField({ max: maxString, nonBlank: true, optional: true })
  flightNumber?: string;
}

/** An identity or travel document of a person. */
export class PersonDocumentDto {
  @ApiProperty({ enum: [...DOCUMENT_TYPES], enumName: 'DocumentType', example: 'NATIONAL_ID' })
  @EnumField(DOCUMENT_TYPES)
  type: DocumentType;

  @ApiProperty({ minLength: 1, maxLength: maxString, example: '17301-1234567-1' })
  @StringField({ max: maxString, nonBlank: true })
  number: string;

  @ApiPropertyOptional({ ...COUNTRY_SCHEMA, example: 'PK' })
  @CountryField({ optional: true })
  issuingCountry?: string;
}

/** A person involved in a report. VICTIM and SMUGGLED_MIGRANT persons are never shared (docs/contract.md#sharing-policy). */
export class PersonDto {
  @ApiProperty({ enum: [...PERSON_ROLES], enumName: 'PersonRole', example: 'DRIVER' })
  @EnumField(PERSON_ROLES)
  role: PersonRole;

  @ApiPropertyOptional({ minLength: 1, maxLength: maxString, example: 'Gul Ahmad Khan' })
  @StringField({ max: maxString, nonBlank: true, optional: true })
  name?: string;

  @ApiPropertyOptional({ format: 'date', example: '1987-02-28' })
  @FullDateField({ optional: true })
  dateOfBirth?: string;

  @ApiPropertyOptional({ ...COUNTRY_SCHEMA, example: 'PK' })
  @CountryField({ optional: true })
  nationality?: string;

  @ApiPropertyOptional({ type: () => PersonDocumentDto, isArray: true, maxItems: maxArrayItems })
  @ArrayField({ nested: () => PersonDocumentDto }, { optional: true })
  documents?: PersonDocumentDto[];

  @OptionalStringListField(maxPhone, {
    example: ['+923001234567'],
    description: 'As reported; normalised to E.164 for matching',
  })
  phones?: string[];
}

/** A company or other organisation involved in a report. */
export class OrganisationDto {
  @ApiProperty({ minLength: 1, maxLength: maxString, example: 'Khyber Gate Trading Co' })
  @StringField({ max: maxString, nonBlank: true })
  name: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: maxString, example: '0123456-7' })
  @StringField({ max: maxString, nonBlank: true, optional: true })
  registrationNumber?: string;

  @ApiPropertyOptional({ ...COUNTRY_SCHEMA, example: 'PK' })
  @CountryField({ optional: true })
  country?: string;
}

/** The route a consignment was declared (by suspects or documents) to take. */
export class DeclaredRouteDto {
  @ApiPropertyOptional({ ...COUNTRY_SCHEMA, example: 'AF' })
  @CountryField({ optional: true })
  origin?: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: maxArrayItems,
    items: { type: 'string', pattern: '^[A-Z]{2}$' },
    example: ['PK'],
  })
  @ArrayField(COUNTRY_ITEM, { optional: true })
  transit?: string[];

  @ApiPropertyOptional({ ...COUNTRY_SCHEMA, example: 'AE' })
  @CountryField({ optional: true })
  destination?: string;
}
