"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SharingPolicyModule = exports.SHARING_POLICY = exports.loadPolicyFile = exports.liaisonContactOf = exports.buildCounterpart = exports.redactReasons = exports.reasonDetailsMasked = exports.maskIdentifier = exports.redactReportForRecipient = exports.REPORT_FIELDS = exports.decideRecipients = exports.tlpOrRed = exports.effectivePermissions = exports.capPermissions = exports.TLP_CAPS = exports.selectorSpecificity = exports.resolveRule = exports.parsePolicy = exports.isPartySelector = exports.SharingPolicyError = exports.DEFAULT_RULE = exports.PERSON_SHARING_LEVELS = exports.IDENTIFIER_SHARING_LEVELS = void 0;
// The sharing-policy lib's public API (contract §6): parse and resolve the policy, cap it by
// TLP, decide whom to alert, redact reports and link reasons for a recipient. Pure, except
// loadPolicyFile, which reads the policy file, and SharingPolicyModule, which loads it at boot.
var sharing_policy_types_1 = require("./sharing-policy.types");
Object.defineProperty(exports, "IDENTIFIER_SHARING_LEVELS", { enumerable: true, get: function () { return sharing_policy_types_1.IDENTIFIER_SHARING_LEVELS; } });
Object.defineProperty(exports, "PERSON_SHARING_LEVELS", { enumerable: true, get: function () { return sharing_policy_types_1.PERSON_SHARING_LEVELS; } });
var default_rule_1 = require("./default-rule");
Object.defineProperty(exports, "DEFAULT_RULE", { enumerable: true, get: function () { return default_rule_1.DEFAULT_RULE; } });
var sharing_policy_parser_1 = require("./sharing-policy.parser");
Object.defineProperty(exports, "SharingPolicyError", { enumerable: true, get: function () { return sharing_policy_parser_1.SharingPolicyError; } });
Object.defineProperty(exports, "isPartySelector", { enumerable: true, get: function () { return sharing_policy_parser_1.isPartySelector; } });
Object.defineProperty(exports, "parsePolicy", { enumerable: true, get: function () { return sharing_policy_parser_1.parsePolicy; } });
var rule_resolver_1 = require("./rule.resolver");
Object.defineProperty(exports, "resolveRule", { enumerable: true, get: function () { return rule_resolver_1.resolveRule; } });
Object.defineProperty(exports, "selectorSpecificity", { enumerable: true, get: function () { return rule_resolver_1.selectorSpecificity; } });
var tlp_permissions_1 = require("./tlp.permissions");
Object.defineProperty(exports, "TLP_CAPS", { enumerable: true, get: function () { return tlp_permissions_1.TLP_CAPS; } });
Object.defineProperty(exports, "capPermissions", { enumerable: true, get: function () { return tlp_permissions_1.capPermissions; } });
Object.defineProperty(exports, "effectivePermissions", { enumerable: true, get: function () { return tlp_permissions_1.effectivePermissions; } });
Object.defineProperty(exports, "tlpOrRed", { enumerable: true, get: function () { return tlp_permissions_1.tlpOrRed; } });
var recipient_decider_1 = require("./recipient.decider");
Object.defineProperty(exports, "decideRecipients", { enumerable: true, get: function () { return recipient_decider_1.decideRecipients; } });
var report_field_catalogue_1 = require("./report-field.catalogue");
Object.defineProperty(exports, "REPORT_FIELDS", { enumerable: true, get: function () { return report_field_catalogue_1.REPORT_FIELDS; } });
var report_redactor_1 = require("./report.redactor");
Object.defineProperty(exports, "redactReportForRecipient", { enumerable: true, get: function () { return report_redactor_1.redactReportForRecipient; } });
var identifier_masker_1 = require("./identifier.masker");
Object.defineProperty(exports, "maskIdentifier", { enumerable: true, get: function () { return identifier_masker_1.maskIdentifier; } });
Object.defineProperty(exports, "reasonDetailsMasked", { enumerable: true, get: function () { return identifier_masker_1.reasonDetailsMasked; } });
Object.defineProperty(exports, "redactReasons", { enumerable: true, get: function () { return identifier_masker_1.redactReasons; } });
var counterpart_builder_1 = require("./counterpart.builder");
Object.defineProperty(exports, "buildCounterpart", { enumerable: true, get: function () { return counterpart_builder_1.buildCounterpart; } });
Object.defineProperty(exports, "liaisonContactOf", { enumerable: true, get: function () { return counterpart_builder_1.liaisonContactOf; } });
var policy_file_1 = require("./policy-file");
Object.defineProperty(exports, "loadPolicyFile", { enumerable: true, get: function () { return policy_file_1.loadPolicyFile; } });
var sharing_policy_module_1 = require("./sharing-policy.module");
Object.defineProperty(exports, "SHARING_POLICY", { enumerable: true, get: function () { return sharing_policy_module_1.SHARING_POLICY; } });
Object.defineProperty(exports, "SharingPolicyModule", { enumerable: true, get: function () { return sharing_policy_module_1.SharingPolicyModule; } });
//# sourceMappingURL=index.js.map