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
exports.PrecheckHitEvent = exports.PRECHECK_FEATURES = void 0;
const class_validator_1 = require("class-validator");
/** Kinds of identifier a consignment pre-check can match (contract §5, `POST /v1/prechecks`). */
exports.PRECHECK_FEATURES = [
    'PLATE',
    'CONTAINER',
    'PHONE',
    'DOCUMENT',
    'VIN',
    'VESSEL_IMO',
    'PERSON_NAME_DOB',
    'ORGANISATION',
];
/**
 * Value of `intel.precheck.hit.v1` (key: owningAgencyId): an identifier of the owner's agency
 * case matched a consignment another agency checked at a crossing point. The owner is told its
 * own case reference (it is the owner being told); the checking agency never sees it.
 */
class PrecheckHitEvent {
    eventId;
    /** The checking agency's id of the check (its idempotency key). */
    checkId;
    /** One hit of the check: one owner agency case and one kind of identifier. */
    hitId;
    owningAgencyId;
    checkingAgencyId;
    /** Gazetteer code of the crossing point where the consignment waits. */
    crossingPoint;
    feature;
    /** `seizure:PK-ANF:ANF-PES-2026-0412` */
    agencyCaseId;
    /** The owner's own reference of the matched case. */
    agencyCaseRef;
    /** The normalised value that matched, e.g. `plate KBL4521 (AF)` (the owner's own data). */
    detail;
    /** The cross-border case the matched agency case belongs to, if linked. */
    clusterId;
    /** The value belongs to a VICTIM or SMUGGLED_MIGRANT of the owner's case. */
    protectedPerson;
    /** False when the sharing policy withheld the hit from the checking agency (it was answered CLEAR for it). */
    disclosedToChecker;
    checkedAt;
}
exports.PrecheckHitEvent = PrecheckHitEvent;
__decorate([
    (0, class_validator_1.IsUUID)('all'),
    __metadata("design:type", String)
], PrecheckHitEvent.prototype, "eventId", void 0);
__decorate([
    (0, class_validator_1.IsUUID)('all'),
    __metadata("design:type", String)
], PrecheckHitEvent.prototype, "checkId", void 0);
__decorate([
    (0, class_validator_1.IsUUID)('all'),
    __metadata("design:type", String)
], PrecheckHitEvent.prototype, "hitId", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], PrecheckHitEvent.prototype, "owningAgencyId", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], PrecheckHitEvent.prototype, "checkingAgencyId", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], PrecheckHitEvent.prototype, "crossingPoint", void 0);
__decorate([
    (0, class_validator_1.IsIn)([...exports.PRECHECK_FEATURES]),
    __metadata("design:type", String)
], PrecheckHitEvent.prototype, "feature", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], PrecheckHitEvent.prototype, "agencyCaseId", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], PrecheckHitEvent.prototype, "agencyCaseRef", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], PrecheckHitEvent.prototype, "detail", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)('all'),
    __metadata("design:type", String)
], PrecheckHitEvent.prototype, "clusterId", void 0);
__decorate([
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], PrecheckHitEvent.prototype, "protectedPerson", void 0);
__decorate([
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], PrecheckHitEvent.prototype, "disclosedToChecker", void 0);
__decorate([
    (0, class_validator_1.IsISO8601)(),
    __metadata("design:type", String)
], PrecheckHitEvent.prototype, "checkedAt", void 0);
//# sourceMappingURL=precheck-hit.js.map