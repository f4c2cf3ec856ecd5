// The sharing-policy lib's public API (docs/contract.md#sharing-policy): parse and resolve the policy, cap it by
// TLP, decide whom to alert, redact reports and link reasons for a recipient. Pure, except
// SharingPolicyModule, which loads the policy file at boot.
export type {
  Counterpart,
  EffectiveRule,
  LiaisonContact,
  MatchReason,
  Recipient,
  RuleGrant,
  SharingPolicy,
  TlpAudience,
} from './sharing-policy.types';
export { parsePolicy } from './sharing-policy.parser';
export { requestGrantFor, resolveRule } from './rule.resolver';
export { tlpOrRed } from './tlp.permissions';
export { decideRecipients } from './recipient.decider';
export { decideDisclosure, permissionsFor } from './disclosure.decider';
export type { Disclosure, Holding, PrecheckPart, Viewer } from './disclosure.decider';
export { PERSON_LISTS, REPORT_FIELDS } from './report-field.catalogue';
export { pathPattern } from './json-path';
export { redactReportForRecipient } from './report.redactor';
export { maskIdentifier, maskReasonDetail, withheldReasonDetail } from './identifier.masker';
export { buildCounterpart } from './counterpart.builder';
export { SHARING_POLICY, SharingPolicyFileVariable, SharingPolicyModule } from './sharing-policy.module';
