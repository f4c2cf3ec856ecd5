import { Type } from 'class-transformer';
import {
  IsArray,
  IsObject,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * One report of a link's side as correlation stored it (validated at intake): what an alert may
 * disclose of it, after the sharing policy redacts it for each recipient (docs/contract.md#caselinked).
 */
export class LinkedReport {
  @IsUUID('all')
  eventId: string;

  /** The report as received (SeizureReported or RouteReported, by the side's kind). */
  @IsObject()
  body: Record<string, unknown>;
}

/** One side of a link: an agency case and the reports merged into it. */
export class LinkedAgencyCase {
  /** `seizure:PK-ANF:ANF-PES-2026-0412` */
  @IsString()
  agencyCaseId: string;

  @IsString()
  agencyId: string;

  @IsIn(['seizure', 'route'])
  kind: 'seizure' | 'route';

  /** The agency's own reference (agencyCaseRef or routeRef). */
  @IsString()
  ref: string;

  @IsArray()
  @IsUUID('all', { each: true })
  eventIds: string[];

  /** The side's reports, in the order of `eventIds`: an alert is composed from this event alone. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LinkedReport)
  reports: LinkedReport[];
}

/** Why two agency cases were linked, in words a liaison officer can check. */
export class LinkReason {
  @IsString()
  feature: string;

  @IsNumber()
  weight: number;

  @IsString()
  detail: string;

  /** A protected person's identifier (VICTIM, SMUGGLED_MIGRANT): never disclose the value. */
  @IsOptional()
  @IsBoolean()
  protected?: boolean;

  /** JSON paths of the agreeing values in the reports of side a, then side b. */
  @IsArray()
  @IsString({ each: true })
  sources: string[];
}

/** A value both cases share that did not count (too common, or a placeholder). */
export class CappedValueView {
  @IsString()
  feature: string;

  @IsString()
  display: string;

  @IsNumber()
  frequency: number;
}

/** Two clusters became one; the older id survived. */
export class ClusterMerge {
  @IsUUID('all')
  survivorClusterId: string;

  @IsUUID('all')
  absorbedClusterId: string;
}

/** Value of `intel.case.linked.v1` (key: clusterId): a new link, and the merge it caused if any. */
export class CaseLinkedEvent {
  @IsUUID('all')
  eventId: string;

  @IsUUID('all')
  linkId: string;

  @IsUUID('all')
  clusterId: string;

  @IsISO8601()
  createdAt: string;

  @ValidateNested()
  @Type(() => LinkedAgencyCase)
  a: LinkedAgencyCase;

  @ValidateNested()
  @Type(() => LinkedAgencyCase)
  b: LinkedAgencyCase;

  @IsNumber()
  @Min(0)
  @Max(1)
  score: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LinkReason)
  reasons: LinkReason[];

  @IsBoolean()
  crossBorder: boolean;

  /** Made by a route waypoint alone: the policy may choose not to alert. */
  @IsBoolean()
  weak: boolean;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CappedValueView)
  capped: CappedValueView[];

  /** Countries of every agency in the cluster after this link. */
  @IsArray()
  @IsString({ each: true })
  countries: string[];

  /** Every agency with a case in the cluster after this link, sorted (the candidates for an alert). */
  @IsArray()
  @IsString({ each: true })
  clusterAgencies: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => ClusterMerge)
  merged?: ClusterMerge;

  /** The report whose arrival made the link. */
  @IsUUID('all')
  triggeredByEventId: string;
}
