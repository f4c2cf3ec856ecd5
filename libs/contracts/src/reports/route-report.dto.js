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
exports.RouteReportDto = exports.RouteIndicatorsDto = exports.IndicatorPlateDto = exports.WaypointDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const report_enums_1 = require("./report-enums");
const report_field_decorators_1 = require("./report-field.decorators");
const report_limits_1 = require("./report-limits");
const report_base_dto_1 = require("./report-base.dto");
const report_parts_dto_1 = require("./report-parts.dto");
const { maxString, maxArrayItems, maxPhone } = report_limits_1.REPORT_LIMITS;
/** One point of a trafficking route. */
class WaypointDto {
    seq;
    role;
    crossingPoint;
    lat;
    lon;
    country;
    placeName;
}
exports.WaypointDto = WaypointDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        type: 'integer',
        minimum: 0,
        example: 0,
        description: 'Order along the route; strictly increasing',
    }),
    (0, report_field_decorators_1.NumberField)({ integer: true, min: 0 }),
    __metadata("design:type", Number)
], WaypointDto.prototype, "seq", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: [...report_enums_1.WAYPOINT_ROLES], enumName: 'WaypointRole', example: 'CROSSING' }),
    (0, report_field_decorators_1.EnumField)(report_enums_1.WAYPOINT_ROLES),
    __metadata("design:type", String)
], WaypointDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'CHAMAN_SPIN_BOLDAK',
        maxLength: 32,
        description: 'Code from the crossing-point gazetteer',
    }),
    (0, report_field_decorators_1.CrossingPointField)({ optional: true }),
    __metadata("design:type", String)
], WaypointDto.prototype, "crossingPoint", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: Number,
        minimum: -90,
        maximum: 90,
        example: 31.59,
        description: 'WGS 84; required with lon',
    }),
    (0, report_field_decorators_1.CoordinateField)('lat'),
    __metadata("design:type", Number)
], WaypointDto.prototype, "lat", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: Number,
        minimum: -180,
        maximum: 180,
        example: 64.37,
        description: 'WGS 84; required with lat',
    }),
    (0, report_field_decorators_1.CoordinateField)('lon'),
    __metadata("design:type", Number)
], WaypointDto.prototype, "lon", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ ...report_parts_dto_1.COUNTRY_SCHEMA, example: 'AF' }),
    (0, report_field_decorators_1.CountryField)(),
    __metadata("design:type", String)
], WaypointDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: maxString, example: 'Lashkar Gah' }),
    (0, report_field_decorators_1.StringField)({ max: maxString, optional: true }),
    __metadata("design:type", String)
], WaypointDto.prototype, "placeName", void 0);
/** A vehicle plate a route is known to use. */
class IndicatorPlateDto {
    plate;
    plateCountry;
}
exports.IndicatorPlateDto = IndicatorPlateDto;
__decorate([
    (0, swagger_1.ApiProperty)({ minLength: 1, maxLength: maxString, example: 'KDR 1182' }),
    (0, report_field_decorators_1.StringField)({ max: maxString, nonBlank: true }),
    __metadata("design:type", String)
], IndicatorPlateDto.prototype, "plate", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ ...report_parts_dto_1.COUNTRY_SCHEMA, example: 'AF' }),
    (0, report_field_decorators_1.CountryField)({ optional: true }),
    __metadata("design:type", String)
], IndicatorPlateDto.prototype, "plateCountry", void 0);
/** Identifiers that mark a route's consignments. */
class RouteIndicatorsDto {
    plates;
    containers;
    phones;
    persons;
    organisations;
}
exports.RouteIndicatorsDto = RouteIndicatorsDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: () => IndicatorPlateDto, isArray: true, maxItems: maxArrayItems }),
    (0, report_field_decorators_1.ArrayField)({ nested: () => IndicatorPlateDto }, { optional: true }),
    __metadata("design:type", Array)
], RouteIndicatorsDto.prototype, "plates", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: String,
        isArray: true,
        maxItems: maxArrayItems,
        items: { type: 'string', minLength: 1, maxLength: maxString },
        example: ['MSCU1234565'],
    }),
    (0, report_field_decorators_1.ArrayField)((0, report_field_decorators_1.stringItems)({ max: maxString, nonBlank: true }), { optional: true }),
    __metadata("design:type", Array)
], RouteIndicatorsDto.prototype, "containers", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: String,
        isArray: true,
        maxItems: maxArrayItems,
        items: { type: 'string', minLength: 1, maxLength: maxPhone },
        example: ['+93701234567'],
    }),
    (0, report_field_decorators_1.ArrayField)((0, report_field_decorators_1.stringItems)({ max: maxPhone, nonBlank: true }), { optional: true }),
    __metadata("design:type", Array)
], RouteIndicatorsDto.prototype, "phones", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: () => report_parts_dto_1.PersonDto, isArray: true, maxItems: maxArrayItems }),
    (0, report_field_decorators_1.ArrayField)({ nested: () => report_parts_dto_1.PersonDto }, { optional: true }),
    __metadata("design:type", Array)
], RouteIndicatorsDto.prototype, "persons", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: () => report_parts_dto_1.OrganisationDto, isArray: true, maxItems: maxArrayItems }),
    (0, report_field_decorators_1.ArrayField)({ nested: () => report_parts_dto_1.OrganisationDto }, { optional: true }),
    __metadata("design:type", Array)
], RouteIndicatorsDto.prototype, "organisations", void 0);
/** A trafficking route an agency reports (contract §4 RouteReport); value of `intel.route.reported.v1`. */
class RouteReportDto extends report_base_dto_1.ReportBaseDto {
    routeRef;
    validFrom;
    validTo;
    commodityTypes;
    waypoints;
    indicators;
    confidence;
    modusOperandi;
}
exports.RouteReportDto = RouteReportDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        minLength: 1,
        maxLength: report_limits_1.REPORT_LIMITS.maxRef,
        example: 'CNPA-RT-2026-017',
        description: "The agency's own route reference; reports with the same ref amend one agency case",
    }),
    (0, report_field_decorators_1.StringField)({ max: report_limits_1.REPORT_LIMITS.maxRef, nonBlank: true }),
    __metadata("design:type", String)
], RouteReportDto.prototype, "routeRef", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        format: 'date-time',
        example: '2026-02-01T00:00:00+04:30',
        description: 'Start of the period the route is believed active',
    }),
    (0, report_field_decorators_1.TimestampField)(),
    __metadata("design:type", String)
], RouteReportDto.prototype, "validFrom", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        format: 'date-time',
        example: '2026-06-30T23:59:59+04:30',
        description: 'End of that period; not before validFrom; open-ended if absent',
    }),
    (0, report_field_decorators_1.TimestampField)({ optional: true, notBefore: 'validFrom' }),
    __metadata("design:type", String)
], RouteReportDto.prototype, "validTo", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        enum: [...report_enums_1.COMMODITY_TYPES],
        enumName: 'CommodityType',
        isArray: true,
        maxItems: maxArrayItems,
        example: ['HEROIN', 'METHAMPHETAMINE'],
    }),
    (0, report_field_decorators_1.ArrayField)((0, report_field_decorators_1.enumItems)(report_enums_1.COMMODITY_TYPES), { optional: true }),
    __metadata("design:type", Array)
], RouteReportDto.prototype, "commodityTypes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        type: () => WaypointDto,
        isArray: true,
        minItems: report_limits_1.REPORT_LIMITS.minWaypoints,
        maxItems: maxArrayItems,
    }),
    (0, report_field_decorators_1.ArrayField)({ nested: () => WaypointDto }, { min: report_limits_1.REPORT_LIMITS.minWaypoints, increasing: 'seq' }),
    __metadata("design:type", Array)
], RouteReportDto.prototype, "waypoints", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: () => RouteIndicatorsDto }),
    (0, report_field_decorators_1.ObjectField)(() => RouteIndicatorsDto, { optional: true }),
    __metadata("design:type", RouteIndicatorsDto)
], RouteReportDto.prototype, "indicators", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: [...report_enums_1.CONFIDENCE_LEVELS], enumName: 'ConfidenceLevel', example: 'PROBABLE' }),
    (0, report_field_decorators_1.EnumField)(report_enums_1.CONFIDENCE_LEVELS),
    __metadata("design:type", String)
], RouteReportDto.prototype, "confidence", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        maxLength: report_limits_1.REPORT_LIMITS.maxModusOperandi,
        example: 'Night crossings on foot, loads moved to trucks at Chaman.',
    }),
    (0, report_field_decorators_1.StringField)({ max: report_limits_1.REPORT_LIMITS.maxModusOperandi, optional: true }),
    __metadata("design:type", String)
], RouteReportDto.prototype, "modusOperandi", void 0);
//# sourceMappingURL=route-report.dto.js.map