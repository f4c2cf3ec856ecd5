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
exports.ReportBaseDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const report_enums_1 = require("./report-enums");
const report_field_decorators_1 = require("./report-field.decorators");
const report_limits_1 = require("./report-limits");
const report_parts_dto_1 = require("./report-parts.dto");
/** Fields every report has (contract §4); not published on its own. */
class ReportBaseDto {
    eventId;
    agencyId;
    reportedAt;
    classification;
    category;
    narrative;
}
exports.ReportBaseDto = ReportBaseDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        format: 'uuid',
        example: '0b8f5f2e-6f0a-4c1e-9a51-2f1d3c4b5a69',
        description: 'Chosen by the publisher; the idempotency key',
    }),
    (0, report_field_decorators_1.UuidField)(),
    __metadata("design:type", String)
], ReportBaseDto.prototype, "eventId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        pattern: report_limits_1.AGENCY_ID_PATTERN.source,
        maxLength: 19,
        example: 'PK-ANF',
        description: '<ISO 3166-1 alpha-2>-<CODE>; must be the agency of the sending key',
    }),
    (0, report_field_decorators_1.StringField)({
        max: 19,
        pattern: report_limits_1.AGENCY_ID_PATTERN,
        patternHint: 'an agency id such as PK-ANF (country, dash, 2-16 upper-case letters or digits)',
    }),
    __metadata("design:type", String)
], ReportBaseDto.prototype, "agencyId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        format: 'date-time',
        example: '2026-03-14T09:05:00+05:00',
        description: 'RFC 3339 with a time zone',
    }),
    (0, report_field_decorators_1.TimestampField)(),
    __metadata("design:type", String)
], ReportBaseDto.prototype, "reportedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: () => report_parts_dto_1.ClassificationDto }),
    (0, report_field_decorators_1.ObjectField)(() => report_parts_dto_1.ClassificationDto),
    __metadata("design:type", report_parts_dto_1.ClassificationDto)
], ReportBaseDto.prototype, "classification", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: [...report_enums_1.REPORT_CATEGORIES], enumName: 'ReportCategory', example: 'DRUGS' }),
    (0, report_field_decorators_1.EnumField)(report_enums_1.REPORT_CATEGORIES),
    __metadata("design:type", String)
], ReportBaseDto.prototype, "category", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        maxLength: report_limits_1.REPORT_LIMITS.maxNarrative,
        example: 'Consignment declared as dried fruit; packets found in a false floor.',
        description: 'Free text; never used for matching, shared only when the policy allows',
    }),
    (0, report_field_decorators_1.StringField)({ max: report_limits_1.REPORT_LIMITS.maxNarrative, optional: true }),
    __metadata("design:type", String)
], ReportBaseDto.prototype, "narrative", void 0);
//# sourceMappingURL=report-base.dto.js.map