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
exports.SeizureReportDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const report_field_decorators_1 = require("./report-field.decorators");
const report_limits_1 = require("./report-limits");
const report_base_dto_1 = require("./report-base.dto");
const report_parts_dto_1 = require("./report-parts.dto");
const { maxArrayItems } = report_limits_1.REPORT_LIMITS;
/** A seizure an agency reports (contract §4 SeizureReport); value of `intel.seizure.reported.v1`. */
class SeizureReportDto extends report_base_dto_1.ReportBaseDto {
    agencyCaseRef;
    occurredAt;
    location;
    commodities;
    conveyances;
    persons;
    organisations;
    route;
    concealment;
}
exports.SeizureReportDto = SeizureReportDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        minLength: 1,
        maxLength: report_limits_1.REPORT_LIMITS.maxRef,
        example: 'ANF-PES-2026-0412',
        description: "The agency's own case reference; reports with the same ref amend one agency case",
    }),
    (0, report_field_decorators_1.StringField)({ max: report_limits_1.REPORT_LIMITS.maxRef, nonBlank: true }),
    __metadata("design:type", String)
], SeizureReportDto.prototype, "agencyCaseRef", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        format: 'date-time',
        example: '2026-03-14T06:30:00+05:00',
        description: 'RFC 3339; at most 10 minutes in the future',
    }),
    (0, report_field_decorators_1.TimestampField)({ notFutureBeyondMs: report_limits_1.REPORT_LIMITS.maxFutureSkewMs }),
    __metadata("design:type", String)
], SeizureReportDto.prototype, "occurredAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: () => report_parts_dto_1.LocationDto, description: 'A known crossingPoint, or lat and lon, or both' }),
    (0, report_field_decorators_1.ObjectField)(() => report_parts_dto_1.LocationDto, { place: true }),
    __metadata("design:type", report_parts_dto_1.LocationDto)
], SeizureReportDto.prototype, "location", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: () => report_parts_dto_1.CommodityDto, isArray: true, maxItems: maxArrayItems }),
    (0, report_field_decorators_1.ArrayField)({ nested: () => report_parts_dto_1.CommodityDto }, { optional: true }),
    __metadata("design:type", Array)
], SeizureReportDto.prototype, "commodities", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: () => report_parts_dto_1.ConveyanceDto, isArray: true, maxItems: maxArrayItems }),
    (0, report_field_decorators_1.ArrayField)({ nested: () => report_parts_dto_1.ConveyanceDto }, { optional: true }),
    __metadata("design:type", Array)
], SeizureReportDto.prototype, "conveyances", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: () => report_parts_dto_1.PersonDto, isArray: true, maxItems: maxArrayItems }),
    (0, report_field_decorators_1.ArrayField)({ nested: () => report_parts_dto_1.PersonDto }, { optional: true }),
    __metadata("design:type", Array)
], SeizureReportDto.prototype, "persons", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: () => report_parts_dto_1.OrganisationDto, isArray: true, maxItems: maxArrayItems }),
    (0, report_field_decorators_1.ArrayField)({ nested: () => report_parts_dto_1.OrganisationDto }, { optional: true }),
    __metadata("design:type", Array)
], SeizureReportDto.prototype, "organisations", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: () => report_parts_dto_1.DeclaredRouteDto,
        description: 'As declared by the suspects or documents',
    }),
    (0, report_field_decorators_1.ObjectField)(() => report_parts_dto_1.DeclaredRouteDto, { optional: true }),
    __metadata("design:type", report_parts_dto_1.DeclaredRouteDto)
], SeizureReportDto.prototype, "route", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: report_limits_1.REPORT_LIMITS.maxConcealment, example: 'false floor of the trailer' }),
    (0, report_field_decorators_1.StringField)({ max: report_limits_1.REPORT_LIMITS.maxConcealment, optional: true }),
    __metadata("design:type", String)
], SeizureReportDto.prototype, "concealment", void 0);
//# sourceMappingURL=seizure-report.dto.js.map