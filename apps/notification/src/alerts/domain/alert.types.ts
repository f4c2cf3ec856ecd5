// AlertIssued (docs/contract.md#alertissued) and what the composer needs to build one.
import type { PrecheckFeature, RouteReportDto, SeizureReportDto, TlpLevel } from '@app/contracts';
import type { Counterpart, MatchReason, TlpAudience } from '@app/sharing-policy';

/** How urgent an alert is for the liaison office. */
export type AlertSeverity = 'HIGH' | 'MEDIUM' | 'LOW';

/** A report of a link's side, as the CaseLinked event carries it. */
export interface StoredReport {
  eventId: string;
  kind: 'seizure' | 'route';
  agencyId: string;
  body: SeizureReportDto | RouteReportDto;
}

/** What one counterpart agency case shows the recipient. */
export interface SharedCase {
  agencyId: string;
  kind: 'seizure' | 'route';
  /** The counterpart's own reference, only when its TLP and the policy allow. */
  agencyCaseRef?: string;
  /** The strictest TLP of the case's reports. */
  tlp: TlpLevel;
  /** Whether the recipient agency may pass it on (false for RED and AMBER+STRICT). */
  onwardSharing: boolean;
  audience: TlpAudience;
  /** Each report of the case, redacted for the recipient (RED: the TLP marking alone). */
  reports: Record<string, unknown>[];
}

/** AlertIssued.shared: only what the policy and TLP allow. */
export interface SharedContent {
  /** The strictest TLP of everything shared. */
  tlp: TlpLevel;
  onwardSharing: boolean;
  score: number;
  crossBorder: boolean;
  weak: boolean;
  /** Why the cases were linked; details masked where identifiers may not be shared. */
  reasons: MatchReason[];
  /** A VICTIM or SMUGGLED_MIGRANT person's identifier matched: nothing of the person is disclosed. */
  protectedPersonMatched: boolean;
  /** Set when protectedPersonMatched: the sentence liaison officers read. */
  protectedPersonNotice?: string;
  cases: SharedCase[];
}

/**
 * An alert about a new link (docs/contract.md#alertissued). Value of `intel.alert.issued.v1` (key
 * recipientAgencyId), also the webhook payload's data and the inbox item.
 */
export interface AlertIssued {
  kind: 'CASE_LINKED';
  alertId: string;
  recipientAgencyId: string;
  clusterId: string;
  linkId: string;
  createdAt: string;
  severity: AlertSeverity;
  summary: string;
  counterpart: Counterpart;
  /** Further counterparts when the link joins cases of two agencies other than the recipient. */
  otherCounterparts?: Counterpart[];
  shared: SharedContent;
}

/** PrecheckHitAlert.precheck: the check that matched the recipient's own case. */
export interface PrecheckMatch {
  /** Also given to the checking agency: both sides quote it when they call each other. */
  hitId: string;
  checkId: string;
  /** Gazetteer code of the crossing point where the consignment waits. */
  crossingPoint: string;
  /** What kind of identifier matched. */
  feature: PrecheckFeature;
  /** The matched value in words (the recipient's own data, e.g. `container TGHU1234567`). */
  detail: string;
  /** The recipient's agency case that matched, and its own reference. */
  agencyCaseId: string;
  agencyCaseRef: string;
  /** The value belongs to a victim or smuggled migrant of the recipient's case. */
  protectedPerson: boolean;
  /** False when the recipient's sharing policy withheld the hit: the checking agency was answered CLEAR. */
  disclosedToChecker: boolean;
  checkedAt: string;
}

/**
 * An alert telling the owner of a case that one of its identifiers matched a consignment
 * another agency checked at a crossing point (issue 8, hit/no-hit). Same topic, webhook,
 * inbox and stream as link alerts; `counterpart` is the checking agency (whom to call).
 */
export interface PrecheckHitAlert {
  kind: 'PRECHECK_HIT';
  alertId: string;
  recipientAgencyId: string;
  /** The cross-border case the matched agency case belongs to, if linked. */
  clusterId?: string;
  createdAt: string;
  severity: AlertSeverity;
  summary: string;
  counterpart: Counterpart;
  precheck: PrecheckMatch;
}

/** Any alert a liaison office receives. */
export type Alert = AlertIssued | PrecheckHitAlert;
