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
exports.CaseLinkedEvent = exports.ClusterMerge = exports.CappedValueView = exports.LinkReason = exports.LinkedAgencyCase = void 0;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
/** One side of a link: an agency case and the reports merged into it. */
class LinkedAgencyCase {
    /** `seizure:PK-ANF:ANF-PES-2026-0412` */
    agencyCaseId;
    agencyId;
    kind;
    /** The agency's own reference (agencyCaseRef or routeRef). */
    ref;
    eventIds;
}
exports.LinkedAgencyCase = LinkedAgencyCase;
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], LinkedAgencyCase.prototype, "agencyCaseId", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], LinkedAgencyCase.prototype, "agencyId", void 0);
__decorate([
    (0, class_validator_1.IsIn)(['seizure', 'route']),
    __metadata("design:type", String)
], LinkedAgencyCase.prototype, "kind", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], LinkedAgencyCase.prototype, "ref", void 0);
__decorate([
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.IsUUID)('all', { each: true }),
    __metadata("design:type", Array)
], LinkedAgencyCase.prototype, "eventIds", void 0);
/** Why two agency cases were linked, in words a liaison officer can check. */
class LinkReason {
    feature;
    weight;
    detail;
    /** A protected person's identifier (VICTIM, SMUGGLED_MIGRANT): never disclose the value. */
    protected;
    /** JSON paths of the agreeing values in the reports of side a, then side b. */
    sources;
}
exports.LinkReason = LinkReason;
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], LinkReason.prototype, "feature", void 0);
__decorate([
    (0, class_validator_1.IsNumber)(),
    __metadata("design:type", Number)
], LinkReason.prototype, "weight", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], LinkReason.prototype, "detail", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], LinkReason.prototype, "protected", void 0);
__decorate([
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.IsString)({ each: true }),
    __metadata("design:type", Array)
], LinkReason.prototype, "sources", void 0);
/** A value both cases share that did not count (too common, or a placeholder). */
class CappedValueView {
    feature;
    display;
    frequency;
}
exports.CappedValueView = CappedValueView;
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], CappedValueView.prototype, "feature", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], CappedValueView.prototype, "display", void 0);
__decorate([
    (0, class_validator_1.IsNumber)(),
    __metadata("design:type", Number)
], CappedValueView.prototype, "frequency", void 0);
/** Two clusters became one; the older id survived. */
class ClusterMerge {
    survivorClusterId;
    absorbedClusterId;
}
exports.ClusterMerge = ClusterMerge;
__decorate([
    (0, class_validator_1.IsUUID)('all'),
    __metadata("design:type", String)
], ClusterMerge.prototype, "survivorClusterId", void 0);
__decorate([
    (0, class_validator_1.IsUUID)('all'),
    __metadata("design:type", String)
], ClusterMerge.prototype, "absorbedClusterId", void 0);
/** Value of `intel.case.linked.v1` (key: clusterId): a new link, and the merge it caused if any. */
class CaseLinkedEvent {
    eventId;
    linkId;
    clusterId;
    createdAt;
    a;
    b;
    score;
    reasons;
    crossBorder;
    /** Made by a route waypoint alone: the policy may choose not to alert. */
    weak;
    capped;
    /** Countries of every agency in the cluster after this link. */
    countries;
    merged;
    /** The report whose arrival made the link. */
    triggeredByEventId;
}
exports.CaseLinkedEvent = CaseLinkedEvent;
__decorate([
    (0, class_validator_1.IsUUID)('all'),
    __metadata("design:type", String)
], CaseLinkedEvent.prototype, "eventId", void 0);
__decorate([
    (0, class_validator_1.IsUUID)('all'),
    __metadata("design:type", String)
], CaseLinkedEvent.prototype, "linkId", void 0);
__decorate([
    (0, class_validator_1.IsUUID)('all'),
    __metadata("design:type", String)
], CaseLinkedEvent.prototype, "clusterId", void 0);
__decorate([
    (0, class_validator_1.IsISO8601)(),
    __metadata("design:type", String)
], CaseLinkedEvent.prototype, "createdAt", void 0);
__decorate([
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => LinkedAgencyCase),
    __metadata("design:type", LinkedAgencyCase)
], CaseLinkedEvent.prototype, "a", void 0);
__decorate([
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => LinkedAgencyCase),
    __metadata("design:type", LinkedAgencyCase)
], CaseLinkedEvent.prototype, "b", void 0);
__decorate([
    (0, class_validator_1.IsNumber)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(1),
    __metadata("design:type", Number)
], CaseLinkedEvent.prototype, "score", void 0);
__decorate([
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => LinkReason),
    __metadata("design:type", Array)
], CaseLinkedEvent.prototype, "reasons", void 0);
__decorate([
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CaseLinkedEvent.prototype, "crossBorder", void 0);
__decorate([
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CaseLinkedEvent.prototype, "weak", void 0);
__decorate([
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => CappedValueView),
    __metadata("design:type", Array)
], CaseLinkedEvent.prototype, "capped", void 0);
__decorate([
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.IsString)({ each: true }),
    __metadata("design:type", Array)
], CaseLinkedEvent.prototype, "countries", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => ClusterMerge),
    __metadata("design:type", ClusterMerge)
], CaseLinkedEvent.prototype, "merged", void 0);
__decorate([
    (0, class_validator_1.IsUUID)('all'),
    __metadata("design:type", String)
], CaseLinkedEvent.prototype, "triggeredByEventId", void 0);
//# sourceMappingURL=case-linked.js.map