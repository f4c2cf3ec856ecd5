// The objects reports are made of (docs/contract.md#reports). The same classes validate HTTP bodies
// and Kafka record values; each field decorator also gives the Swagger metadata its rule implies,
// taking every number from REPORT_LIMITS so the two cannot drift.
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
  CoordinateField,
  CountryField,
  CrossingPointField,
  EnumField,
  FullDateField,
  NumberField,
  OptionalCountryListField,
  StringField,
  OptionalStringListField,
} from './report-field.decorators';
import { REPORT_LIMITS } from './report-limits';

const { maxString, maxPhone } = REPORT_LIMITS;

/** TLP 2.0 marking of a report. */
export class ClassificationDto {
  @EnumField(TLP_LEVELS, { enumName: 'TlpLevel', example: 'AMBER', description: 'TLP 2.0 level' })
  tlp: TlpLevel;

  @OptionalStringListField(maxString, {
    example: ['NO-FURTHER-DISSEMINATION'],
    description: 'Extra handling caveats',
  })
  handling?: string[];
}

/** Where a seizure happened: a known crossing point, or lat/lon, or both. */
export class LocationDto {
  @CrossingPointField(
    { optional: true },
    { example: 'TORKHAM', description: 'Code from the shipped crossing-point gazetteer' },
  )
  crossingPoint?: string;

  @CoordinateField('lat', 34.108)
  lat?: number;

  @CoordinateField('lon', 71.096)
  lon?: number;

  @CountryField({}, { example: 'PK', description: 'ISO 3166-1 alpha-2 country where it happened' })
  country: string;

  @StringField({ max: maxString, optional: true }, { example: 'Torkham border terminal, inbound lane 3' })
  placeName?: string;
}

/** One seized commodity. */
export class CommodityDto {
  @EnumField(COMMODITY_TYPES, { enumName: 'CommodityType', example: 'HEROIN' })
  type: CommodityType;

  @NumberField({ greaterThan: 0 }, { example: 42.5, description: 'Greater than 0' })
  quantity: number;

  @EnumField(QUANTITY_UNITS, { enumName: 'QuantityUnit', example: 'KG' })
  unit: QuantityUnit;

  @StringField({ max: maxString, optional: true }, { example: 'brown powder in 1 kg packets' })
  description?: string;
}

/** A vehicle, container, vessel, aircraft or other means of transport. */
export class ConveyanceDto {
  @EnumField(CONVEYANCE_KINDS, { enumName: 'ConveyanceKind', example: 'TRUCK' })
  kind: ConveyanceKind;

  @StringField(
    { max: maxString, nonBlank: true, optional: true },
    { example: 'KBL 4521', description: 'As written; normalised for matching' },
  )
  plate?: string;

  @CountryField({ optional: true }, { example: 'AF', description: 'Country that issued the plate' })
  plateCountry?: string;

  @StringField(
    { max: maxString, nonBlank: true, optional: true },
    { example: 'MSCU1234565', description: 'ISO 6346' },
  )
  containerNumber?: string;

  @StringField({ max: maxString, nonBlank: true, optional: true }, { example: '1HGCM82633A004352' })
  vin?: string;

  @StringField({ max: maxString, nonBlank: true, optional: true }, { example: 'IMO 9321483' })
  vesselImo?: string;

  @StringField({ max: maxString, nonBlank: true, optional: true }, { example: 'FG 311' })
  flightNumber?: string;
}

/** An identity or travel document of a person. */
export class PersonDocumentDto {
  @EnumField(DOCUMENT_TYPES, { enumName: 'DocumentType', example: 'NATIONAL_ID' })
  type: DocumentType;

  @StringField({ max: maxString, nonBlank: true }, { example: '17301-1234567-1' })
  number: string;

  @CountryField({ optional: true }, { example: 'PK' })
  issuingCountry?: string;
}

/** A person involved in a report. VICTIM and SMUGGLED_MIGRANT persons are never shared (docs/contract.md#sharing-policy). */
export class PersonDto {
  @EnumField(PERSON_ROLES, { enumName: 'PersonRole', example: 'DRIVER' })
  role: PersonRole;

  @StringField({ max: maxString, nonBlank: true, optional: true }, { example: 'Gul Ahmad Khan' })
  name?: string;

  @FullDateField({ optional: true }, { example: '1987-02-28' })
  dateOfBirth?: string;

  @CountryField({ optional: true }, { example: 'PK' })
  nationality?: string;

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
  @StringField({ max: maxString, nonBlank: true }, { example: 'Khyber Gate Trading Co' })
  name: string;

  @StringField({ max: maxString, nonBlank: true, optional: true }, { example: '0123456-7' })
  registrationNumber?: string;

  @CountryField({ optional: true }, { example: 'PK' })
  country?: string;
}

/** The route a consignment was declared (by suspects or documents) to take. */
export class DeclaredRouteDto {
  @CountryField({ optional: true }, { example: 'AF' })
  origin?: string;

  @OptionalCountryListField({ example: ['PK'] })
  transit?: string[];

  @CountryField({ optional: true }, { example: 'AE' })
  destination?: string;
}
