// The sharing-policy lib's public API (docs/contract.md#sharing-policy): parse and resolve the policy, cap it by
// TLP, decide whom to alert, redact reports and link reasons for a recipient. Pure, except
// loadPolicyFile, which reads the policy file, and SharingPolicyModule, which loads it at boot.
export { IDENTIFIER_SHARING_LEVELS, PERSON_SHARING_LEVELS } from './sharing-policy.types';
export type {
  AgencyEntry,
  Counterpart,
  EffectiveRule,
  Grants,
  IdentifierSharing,
  LiaisonContact,
  MaskableReason,
  MatchReason,
  Permissions,
  PersonSharing,
  PolicyRule,
  RecipientQuery,
  Recipient,
  RecipientReason,
  RequestGrant,
  RedactedReport,
  RuleGrant,
  SharingPolicy,
  TlpAudience,
  WithheldField,
  WithheldReason,
} from './sharing-policy.types';
export { DEFAULT_RULE } from './default-rule';
export { SharingPolicyError, isPartySelector, parsePolicy } from './sharing-policy.parser';
export type { PolicyProblem } from './sharing-policy.parser';
export { requestGrantFor, resolveRule, selectorSpecificity } from './rule.resolver';
export { TLP_CAPS, capPermissions, effectivePermissions, tlpOrRed } from './tlp.permissions';
export { decideRecipients } from './recipient.decider';
export {
  REASON_FEATURE_GROUPS,
  decideDisclosure,
  decideField,
  grantsAllow,
  permissionsFor,
} from './disclosure.decider';
export type {
  Disclosure,
  DisclosureGround,
  DisclosureSubject,
  Holding,
  PrecheckPart,
  Viewer,
} from './disclosure.decider';
export { PERSON_LISTS, REPORT_FIELDS } from './report-field.catalogue';
export { pathPattern } from './json-path';
export type { FieldGroup, FieldSpec } from './report-field.catalogue';
export { redactReportForRecipient } from './report.redactor';
export { maskIdentifier, maskReasonDetail, withheldReasonDetail } from './identifier.masker';
export { buildCounterpart, liaisonContactOf } from './counterpart.builder';
export { loadPolicyFile } from './policy-file';
export { SHARING_POLICY, SharingPolicyModule } from './sharing-policy.module';
