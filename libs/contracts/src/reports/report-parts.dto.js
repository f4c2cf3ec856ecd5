"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeclaredRouteDto = exports.OrganisationDto = exports.PersonDto = exports.PersonDocumentDto = exports.ConveyanceDto = exports.CommodityDto = exports.LocationDto = exports.ClassificationDto = exports.COUNTRY_SCHEMA = void 0;
// The objects reports are made of (contract §4). The same classes validate HTTP bodies
// and Kafka record values; the Swagger metadata mirrors the validation rules, taking
// every number from REPORT_LIMITS so the two cannot drift.
const swagger_1 = require("@nestjs/swagger");
const report_enums_1 = require("./report-enums");
const report_field_decorators_1 = require("./report-field.decorators");
const report_limits_1 = require("./report-limits");
const { maxString, maxArrayItems, maxPhone } = report_limits_1.REPORT_LIMITS;
/** Swagger metadata of an ISO 3166-1 alpha-2 code. */
exports.COUNTRY_SCHEMA = { pattern: '^[A-Z]{2}$', minLength: 2, maxLength: 2 };
/** TLP 2.0 marking of a report. */
class ClassificationDto {
    tlp;
    handling;
}
exports.ClassificationDto = ClassificationDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        enum: [...report_enums_1.TLP_LEVELS],
        enumName: 'TlpLevel',
        example: 'AMBER',
        description: 'TLP 2.0 level',
    }),
    (0, report_field_decorators_1.EnumField)(report_enums_1.TLP_LEVELS),
    __metadata("design:type", String)
], ClassificationDto.prototype, "tlp", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: String,
        isArray: true,
        maxItems: maxArrayItems,
        items: { type: 'string', minLength: 1, maxLength: maxString },
        example: ['NO-FURTHER-DISSEMINATION'],
        description: 'Extra handling caveats',
    }),
    (0, report_field_decorators_1.ArrayField)((0, report_field_decorators_1.stringItems)({ max: maxString, nonBlank: true }), { optional: true }),
    __metadata("design:type", Array)
], ClassificationDto.prototype, "handling", void 0);
/** Where a seizure happened: a known crossing point, or lat/lon, or both. */
class LocationDto {
    crossingPoint;
    lat;
    lon;
    country;
    placeName;
}
exports.LocationDto = LocationDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'TORKHAM',
        maxLength: 32,
        description: 'Code from the shipped crossing-point gazetteer',
    }),
    (0, report_field_decorators_1.CrossingPointField)({ optional: true }),
    __metadata("design:type", String)
], LocationDto.prototype, "crossingPoint", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: Number,
        minimum: -90,
        maximum: 90,
        example: 34.108,
        description: 'WGS 84; required with lon',
    }),
    (0, report_field_decorators_1.CoordinateField)('lat'),
    __metadata("design:type", Number)
], LocationDto.prototype, "lat", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: Number,
        minimum: -180,
        maximum: 180,
        example: 71.096,
        description: 'WGS 84; required with lat',
    }),
    (0, report_field_decorators_1.CoordinateField)('lon'),
    __metadata("design:type", Number)
], LocationDto.prototype, "lon", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        ...exports.COUNTRY_SCHEMA,
        example: 'PK',
        description: 'ISO 3166-1 alpha-2 country where it happened',
    }),
    (0, report_field_decorators_1.CountryField)(),
    __metadata("design:type", String)
], LocationDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: maxString, example: 'Torkham border terminal, inbound lane 3' }),
    (0, report_field_decorators_1.StringField)({ max: maxString, optional: true }),
    __metadata("design:type", String)
], LocationDto.prototype, "placeName", void 0);
/** One seized commodity. */
class CommodityDto {
    type;
    quantity;
    unit;
    description;
}
exports.CommodityDto = CommodityDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: [...report_enums_1.COMMODITY_TYPES], enumName: 'CommodityType', example: 'HEROIN' }),
    (0, report_field_decorators_1.EnumField)(report_enums_1.COMMODITY_TYPES),
    __metadata("design:type", String)
], CommodityDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        type: Number,
        exclusiveMinimum: true,
        minimum: 0,
        example: 42.5,
        description: 'Greater than 0',
    }),
    (0, report_field_decorators_1.NumberField)({ greaterThan: 0 }),
    __metadata("design:type", Number)
], CommodityDto.prototype, "quantity", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: [...report_enums_1.QUANTITY_UNITS], enumName: 'QuantityUnit', example: 'KG' }),
    (0, report_field_decorators_1.EnumField)(report_enums_1.QUANTITY_UNITS),
    __metadata("design:type", String)
], CommodityDto.prototype, "unit", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: maxString, example: 'brown powder in 1 kg packets' }),
    (0, report_field_decorators_1.StringField)({ max: maxString, optional: true }),
    __metadata("design:type", String)
], CommodityDto.prototype, "description", void 0);
/** A vehicle, container, vessel, aircraft or other means of transport. */
class ConveyanceDto {
    kind;
    plate;
    plateCountry;
    containerNumber;
    vin;
    vesselImo;
    flightNumber;
}
exports.ConveyanceDto = ConveyanceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: [...report_enums_1.CONVEYANCE_KINDS], enumName: 'ConveyanceKind', example: 'TRUCK' }),
    (0, report_field_decorators_1.EnumField)(report_enums_1.CONVEYANCE_KINDS),
    __metadata("design:type", String)
], ConveyanceDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        minLength: 1,
        maxLength: maxString,
        example: 'KBL 4521',
        description: 'As written; normalised for matching',
    }),
    (0, report_field_decorators_1.StringField)({ max: maxString, nonBlank: true, optional: true }),
    __metadata("design:type", String)
], ConveyanceDto.prototype, "plate", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ ...exports.COUNTRY_SCHEMA, example: 'AF', description: 'Country that issued the plate' }),
    (0, report_field_decorators_1.CountryField)({ optional: true }),
    __metadata("design:type", String)
], ConveyanceDto.prototype, "plateCountry", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        minLength: 1,
        maxLength: maxString,
        example: 'MSCU1234565',
        description: 'ISO 6346',
    }),
    (0, report_field_decorators_1.StringField)({ max: maxString, nonBlank: true, optional: true }),
    __metadata("design:type", String)
], ConveyanceDto.prototype, "containerNumber", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minLength: 1, maxLength: maxString, example: '1HGCM82633A004352' }),
    (0, report_field_decorators_1.StringField)({ max: maxString, nonBlank: true, optional: true }),
    __metadata("design:type", String)
], ConveyanceDto.prototype, "vin", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minLength: 1, maxLength: maxString, example: 'IMO 9321483' }),
    (0, report_field_decorators_1.StringField)({ max: maxString, nonBlank: true, optional: true }),
    __metadata("design:type", String)
], ConveyanceDto.prototype, "vesselImo", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minLength: 1, maxLength: maxString, example: 'FG 311' }),
    (0, report_field_decorators_1.StringField)({ max: maxString, nonBlank: true, optional: true }),
    __metadata("design:type", String)
], ConveyanceDto.prototype, "flightNumber", void 0);
/** An identity or travel document of a person. */
class PersonDocumentDto {
    type;
    number;
    issuingCountry;
}
exports.PersonDocumentDto = PersonDocumentDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: [...report_enums_1.DOCUMENT_TYPES], enumName: 'DocumentType', example: 'NATIONAL_ID' }),
    (0, report_field_decorators_1.EnumField)(report_enums_1.DOCUMENT_TYPES),
    __metadata("design:type", String)
], PersonDocumentDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minLength: 1, maxLength: maxString, example: '17301-1234567-1' }),
    (0, report_field_decorators_1.StringField)({ max: maxString, nonBlank: true }),
    __metadata("design:type", String)
], PersonDocumentDto.prototype, "number", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ ...exports.COUNTRY_SCHEMA, example: 'PK' }),
    (0, report_field_decorators_1.CountryField)({ optional: true }),
    __metadata("design:type", String)
], PersonDocumentDto.prototype, "issuingCountry", void 0);
/** A person involved in a report. VICTIM and SMUGGLED_MIGRANT persons are never shared (contract §6). */
class PersonDto {
    role;
    name;
    dateOfBirth;
    nationality;
    documents;
    phones;
}
exports.PersonDto = PersonDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: [...report_enums_1.PERSON_ROLES], enumName: 'PersonRole', example: 'DRIVER' }),
    (0, report_field_decorators_1.EnumField)(report_enums_1.PERSON_ROLES),
    __metadata("design:type", String)
], PersonDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minLength: 1, maxLength: maxString, example: 'Gul Ahmad Khan' }),
    (0, report_field_decorators_1.StringField)({ max: maxString, nonBlank: true, optional: true }),
    __metadata("design:type", String)
], PersonDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'date', example: '1987-02-28' }),
    (0, report_field_decorators_1.FullDateField)({ optional: true }),
    __metadata("design:type", String)
], PersonDto.prototype, "dateOfBirth", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ ...exports.COUNTRY_SCHEMA, example: 'PK' }),
    (0, report_field_decorators_1.CountryField)({ optional: true }),
    __metadata("design:type", String)
], PersonDto.prototype, "nationality", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: () => PersonDocumentDto, isArray: true, maxItems: maxArrayItems }),
    (0, report_field_decorators_1.ArrayField)({ nested: () => PersonDocumentDto }, { optional: true }),
    __metadata("design:type", Array)
], PersonDto.prototype, "documents", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: String,
        isArray: true,
        maxItems: maxArrayItems,
        items: { type: 'string', minLength: 1, maxLength: maxPhone },
        example: ['+923001234567'],
        description: 'As reported; normalised to E.164 for matching',
    }),
    (0, report_field_decorators_1.ArrayField)((0, report_field_decorators_1.stringItems)({ max: maxPhone, nonBlank: true }), { optional: true }),
    __metadata("design:type", Array)
], PersonDto.prototype, "phones", void 0);
/** A company or other organisation involved in a report. */
class OrganisationDto {
    name;
    registrationNumber;
    country;
}
exports.OrganisationDto = OrganisationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ minLength: 1, maxLength: maxString, example: 'Khyber Gate Trading Co' }),
    (0, report_field_decorators_1.StringField)({ max: maxString, nonBlank: true }),
    __metadata("design:type", String)
], OrganisationDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minLength: 1, maxLength: maxString, example: '0123456-7' }),
    (0, report_field_decorators_1.StringField)({ max: maxString, nonBlank: true, optional: true }),
    __metadata("design:type", String)
], OrganisationDto.prototype, "registrationNumber", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ ...exports.COUNTRY_SCHEMA, example: 'PK' }),
    (0, report_field_decorators_1.CountryField)({ optional: true }),
    __metadata("design:type", String)
], OrganisationDto.prototype, "country", void 0);
/** The route a consignment was declared (by suspects or documents) to take. */
class DeclaredRouteDto {
    origin;
    transit;
    destination;
}
exports.DeclaredRouteDto = DeclaredRouteDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ ...exports.COUNTRY_SCHEMA, example: 'AF' }),
    (0, report_field_decorators_1.CountryField)({ optional: true }),
    __metadata("design:type", String)
], DeclaredRouteDto.prototype, "origin", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: String,
        isArray: true,
        maxItems: maxArrayItems,
        items: { type: 'string', pattern: '^[A-Z]{2}$' },
        example: ['PK'],
    }),
    (0, report_field_decorators_1.ArrayField)(report_field_decorators_1.COUNTRY_ITEM, { optional: true }),
    __metadata("design:type", Array)
], DeclaredRouteDto.prototype, "transit", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ ...exports.COUNTRY_SCHEMA, example: 'AE' }),
    (0, report_field_decorators_1.CountryField)({ optional: true }),
    __metadata("design:type", String)
], DeclaredRouteDto.prototype, "destination", void 0);
//# sourceMappingURL=report-parts.dto.js.map