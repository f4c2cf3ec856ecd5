// The sharing-policy model of docs/contract.md#sharing-policy: what the configuration says (rules per pair of
// agencies or countries, an agency directory) and what the pure functions hand back.
import type { TlpLevel } from '@app/contracts';

/** How much of the owner's identifiers a counterpart may see, weakest first. */
export const IDENTIFIER_SHARING_LEVELS = ['NONE', 'MATCHED_ONLY', 'ALL'] as const;
/** One identifier sharing level. */
export type IdentifierSharing = (typeof IDENTIFIER_SHARING_LEVELS)[number];

/** How much of the owner's persons a counterpart may see, weakest first. */
export const PERSON_SHARING_LEVELS = ['NONE', 'ROLE_ONLY', 'FULL'] as const;
/** One person sharing level. */
export type PersonSharing = (typeof PERSON_SHARING_LEVELS)[number];

/** What one rule grants a recipient about an owner's cases (the policy file's rule body). */
export interface RuleGrant {
  /** Whether the recipient is alerted at all. */
  alerts: boolean;
  identifiers: IdentifierSharing;
  persons: PersonSharing;
  narrative: boolean;
  liaisonContact: boolean;
  /** Links scoring below this are not alerted (0 when absent). */
  minScore?: number;
  /** Alert on weak links (a ROUTE_WAYPOINT reason without a shared identifier); false when absent. */
  alertOnWeakLinks?: boolean;
  /** Alert an agency of the owner's own country; false when absent (cross-border only). */
  sameCountryAlerts?: boolean;
}

/**
 * Whether a recipient may ask the owner for withheld fields (requests for information,
 * docs/desk.md), and which report fields (catalogue patterns such as `persons[].name`) the owner
 * may ever release to it. Only rules carry it; a pair whose rule says nothing may not ask.
 */
export interface RequestGrant {
  allowed: boolean;
  releasable: readonly string[];
}

/** One rule: `from` owner → `to` recipient, each an agency id (`AF-CNPA`), a country (`AF`) or `*`. */
export interface PolicyRule extends RuleGrant {
  from: string;
  to: string;
  /** Requests for information from `to` to `from`; absent: not allowed. */
  requests?: RequestGrant;
}

/** A liaison office to contact about a match (all parts optional: an agency may list only an email). */
export interface LiaisonContact {
  name?: string;
  email?: string;
  phone?: string;
}

/** One agency of the directory. */
export interface AgencyEntry {
  name: string;
  liaisonContact?: LiaisonContact;
}

/** A validated sharing policy (build one with parsePolicy). */
export interface SharingPolicy {
  version: 1;
  /** The rule for pairs no rule names; DEFAULT_RULE when the file has none. */
  default: RuleGrant;
  agencies: Readonly<Record<string, AgencyEntry>>;
  rules: readonly PolicyRule[];
}

/** The rule that applies to one owner → recipient pair, with every optional part filled in. */
export interface EffectiveRule extends Required<RuleGrant> {
  /** The rule that matched, or null when the default applied (for the audit record). */
  matchedRule: { from: string; to: string } | null;
}

/** Who may see a TLP-marked disclosure (TLP 2.0 definitions). */
export type TlpAudience =
  | 'INDIVIDUAL_RECIPIENTS'
  | 'RECIPIENT_AGENCY'
  | 'RECIPIENT_AGENCY_NEED_TO_KNOW'
  | 'COMMUNITY'
  | 'UNRESTRICTED';

/** The field groups a recipient may see. */
export interface Grants {
  identifiers: IdentifierSharing;
  persons: PersonSharing;
  narrative: boolean;
  liaisonContact: boolean;
  /** Category, dates, places, commodities, declared route, waypoints: withheld only under RED. */
  caseFacts: boolean;
  /** The owner's eventId and agencyCaseRef / routeRef: withheld only under RED. */
  caseReference: boolean;
}

/** What a recipient may see of one report: the rule capped by the report's TLP. */
export interface Permissions extends Grants {
  tlp: TlpLevel;
  /** False for RED and AMBER+STRICT: the recipient agency must not pass it on. */
  onwardSharing: boolean;
  audience: TlpAudience;
  /** What the rule alone allowed, before the TLP cap: tells a TLP withholding from a POLICY one. */
  policy: Grants;
}

/** Why a field was not disclosed. */
export type WithheldReason = 'POLICY' | 'TLP' | 'PROTECTED_PERSON';

/** One withheld field (or whole subtree) by its JSON path in the owner's report. */
export interface WithheldField {
  path: string;
  reason: WithheldReason;
}

/** The outcome of redacting one report for one recipient. */
export interface RedactedReport {
  /** The report with only the allowed fields; arrays compacted so withheld items leave no trace. */
  shared: Record<string, unknown>;
  /** JSON paths (in the owner's report) of every leaf value disclosed: for the audit record. */
  disclosedFields: string[];
  /** What was kept back and why: for the audit record, never for the recipient. */
  withheld: WithheldField[];
  /** A VICTIM or SMUGGLED_MIGRANT person's identifier matched; nothing of the person is disclosed. */
  protectedPersonMatched: boolean;
}

/** Why an agency is alerted about a link. */
export type RecipientReason = 'CROSS_BORDER' | 'SAME_COUNTRY_POLICY' | 'ROUTE_OWNER';

/** One agency to alert about a link. */
export interface Recipient {
  agencyId: string;
  reason: RecipientReason;
  /** The link agencies whose cases this recipient is told about. */
  counterparts: string[];
}

/** A new link, as decideRecipients needs it. */
export interface RecipientQuery {
  /** Every agency case of the cluster (duplicates are fine). */
  clusterAgencies: readonly { agencyId: string }[];
  /** The agencies of the two agency cases the link joins. */
  linkAgencies: readonly [string, string];
  /** A weak link: a ROUTE_WAYPOINT reason with no identifier the route's indicators carry. */
  weak: boolean;
  /** The link's score in [0, 1]. */
  score: number;
  /** On a ROUTE_WAYPOINT link, the agency that published the route. */
  routeOwner?: string;
}

/** A link reason as the case API shows it (docs/contract.md#http-apis). */
export interface MatchReason {
  feature: string;
  weight: number;
  detail: string;
}

/** A link reason with the identifier values its detail quotes, so they can be masked precisely. */
export interface MaskableReason extends MatchReason {
  values?: readonly string[];
}

/** AlertIssued.counterpart (docs/contract.md#http-apis). */
export interface Counterpart {
  agencyId: string;
  agencyName?: string;
  agencyCaseRef?: string;
  liaisonContact?: LiaisonContact;
}
