import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { Principal } from '@app/identity';
import type { LedgerEntryData } from '@app/ledger';
import { requestGrantFor, SHARING_POLICY, type SharingPolicy } from '@app/sharing-policy';
import { AlertSignals } from '../alerts/alert-signals';
import type { NotificationEnv } from '../notification.env';
import { releaseFields, type ReleasedField } from './domain/release';
import type { CreateRequestDto, DecideRequestDto } from './dto/request.dtos';
import { invalidRequestField, NotificationError, NotificationErrorCode } from '../notification.errors';
import {
  REQUESTS_REPOSITORY,
  type RequestableAlert,
  type RequestLedgerEntry,
  type RequestsRepository,
  type StoredRequest,
} from './requests.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A request as one side sees it (docs/desk.md). */
export interface RequestView {
  requestId: string;
  /** OUTGOING: this agency asked; INCOMING: it is asked. */
  direction: 'OUTGOING' | 'INCOMING';
  /** The requester's alert (outgoing only: the owner never learns the requester's alert ids). */
  alertId?: string;
  clusterId: string;
  requesterAgencyId: string;
  ownerAgencyId: string;
  /** The owner's own case references (incoming only). */
  ownerCaseRefs?: string[];
  fields: string[];
  justification: string;
  legalBasis: string;
  requestedByKey: string;
  createdAt: string;
  expiresAt: string;
  status: StoredRequest['status'];
  decision: StoredRequest['decision'];
  /** What was released, per owner report (the owner also sees which report). */
  released: { eventId?: string; fields: ReleasedField[] }[];
}

/** What the service reads of its settings. */
export type RequestSettings = Pick<NotificationEnv, 'INFO_REQUEST_TTL_S' | 'REQUEST_LEGAL_BASES'>;

/** The configured legal bases, in order. */
export function legalBasesOf(settings: RequestSettings): string[] {
  return settings.REQUEST_LEGAL_BASES.split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
}

const notFound = () => new NotificationError(NotificationErrorCode.RequestNotFound, 'No such request.');

/**
 * Requests for information (docs/desk.md#requests-for-information): what the counterpart approves
 * is released through decideDisclosure, sent as `request.decided` and ledgered. Only the two
 * sides ever see a request.
 */
@Injectable()
export class RequestsService {
  private readonly logger = new Logger(RequestsService.name);
  private readonly legalBases: string[];

  constructor(
    @Inject(REQUESTS_REPOSITORY) private readonly requests: RequestsRepository,
    @Inject(SHARING_POLICY) private readonly policy: SharingPolicy,
    @Inject(APP_CONFIG) private readonly settings: RequestSettings,
    // Wakes the webhook dispatcher and the open streams after a commit (polling stays the truth).
    private readonly signals: AlertSignals,
  ) {
    this.legalBases = legalBasesOf(settings);
  }

  /** The legal bases to choose from and, for an alert, the fields its counterpart may release. */
  async options(
    p: Principal,
    alertId: string | undefined,
  ): Promise<{ legalBases: string[]; ttlSeconds: number; allowed: boolean; releasableFields: string[] }> {
    let grant = { allowed: false, releasable: [] as readonly string[] };
    if (alertId !== undefined) {
      const alert = await this.findAlert(p, alertId);
      if (alert.kind === 'CASE_LINKED')
        grant = requestGrantFor(this.policy, alert.counterpartAgencyId, p.agencyId!);
    }
    return {
      legalBases: this.legalBases,
      ttlSeconds: this.settings.INFO_REQUEST_TTL_S,
      allowed: grant.allowed,
      releasableFields: grant.allowed ? [...grant.releasable] : [],
    };
  }

  async create(p: Principal, alertId: string, dto: CreateRequestDto): Promise<RequestView> {
    const agencyId = p.agencyId!;
    const alert = await this.findAlert(p, alertId);
    const owner = alert.counterpartAgencyId;
    const grant = requestGrantFor(this.policy, owner, agencyId);
    if (alert.kind !== 'CASE_LINKED' || !alert.clusterId || !alert.linkId || !grant.allowed) {
      throw new NotificationError(
        NotificationErrorCode.RequestsNotAllowed,
        `The sharing policy lets ${agencyId} send ${owner} no requests for information about this alert.`,
      );
    }
    dto.fields.forEach((field, i) => {
      if (!grant.releasable.includes(field))
        throw invalidRequestField(
          `fields[${i}]`,
          `${owner} may never release ${field} to ${agencyId}; it may release ${grant.releasable.join(', ')}`,
        );
    });
    if (!this.legalBases.includes(dto.legalBasis))
      throw invalidRequestField('legalBasis', `must be one of ${this.legalBases.join(', ')}`);
    const ownerCases = await this.requests.casesOfLink(alert.linkId, owner);
    if (ownerCases.length === 0) {
      throw new NotificationError(
        NotificationErrorCode.RequestsNotAllowed,
        `No report of ${owner} was kept for this alert's link (it came before requests were possible).`,
      );
    }
    const stored = await this.requests.create({
      alertId,
      clusterId: alert.clusterId,
      linkId: alert.linkId,
      requesterAgencyId: agencyId,
      requestedByKey: p.keyId,
      ownerAgencyId: owner,
      ownerCases,
      fields: [...new Set(dto.fields)],
      justification: dto.justification,
      legalBasis: dto.legalBasis,
      ttlSeconds: this.settings.INFO_REQUEST_TTL_S,
    });
    this.logger.log({
      msg: 'request for information sent',
      requestId: stored.requestId,
      from: agencyId,
      to: owner,
    });
    this.signals.alertsCommitted();
    return viewFor(agencyId, stored);
  }

  async list(
    p: Principal,
    q: { direction?: 'incoming' | 'outgoing'; status?: string; alertId?: string },
  ): Promise<{ items: RequestView[] }> {
    const rows = await this.requests.list(p.agencyId!, q);
    return { items: rows.map((r) => viewFor(p.agencyId!, r)) };
  }

  async get(p: Principal, requestId: string): Promise<RequestView> {
    return viewFor(p.agencyId!, await this.find(p, requestId));
  }

  /** The owner's decision: the approved fields are released, the rest (and all of a denial) is not. */
  async decide(p: Principal, requestId: string, dto: DecideRequestDto): Promise<RequestView> {
    const agencyId = p.agencyId!;
    const request = await this.find(p, requestId);
    // Only the owner decides; to the requester its own request has nothing to decide: 404.
    if (request.ownerAgencyId !== agencyId) throw notFound();
    const approved = [...new Set(dto.approvedFields)];
    approved.forEach((field, i) => {
      if (!request.fields.includes(field))
        throw invalidRequestField(`approvedFields[${i}]`, `${field} was not requested`);
    });
    const outcome =
      approved.length === 0
        ? 'DENIED'
        : approved.length === request.fields.length
          ? 'APPROVED'
          : 'PARTLY_APPROVED';
    const released =
      approved.length === 0
        ? []
        : releaseFields(
            this.policy,
            request.requesterAgencyId,
            await this.requests.reportsOf(request),
            approved,
          );
    const result = await this.requests.decide(
      {
        requestId,
        ownerAgencyId: agencyId,
        byKey: p.keyId,
        note: dto.note,
        approvedFields: approved,
        outcome,
        released,
      },
      (decided) =>
        JSON.stringify({
          type: 'request.decided',
          timestamp: decided.decision!.at,
          data: viewFor(decided.requesterAgencyId, decided),
        }),
      (decided, webhooks) => ledgerEntries(decided, webhooks),
    );
    if (!result.ok) {
      if (result.why === 'NOT_FOUND') throw notFound();
      if (result.why === 'EXPIRED')
        throw new NotificationError(
          NotificationErrorCode.RequestExpired,
          'The request expired before it was decided.',
        );
      throw new NotificationError(
        NotificationErrorCode.RequestAlreadyDecided,
        'The request was already decided.',
      );
    }
    this.logger.log({
      msg: 'request for information decided',
      requestId,
      outcome,
      released: released.reduce((n, r) => n + r.fields.length, 0),
      webhooks: result.webhooks,
    });
    this.signals.alertsCommitted();
    return viewFor(agencyId, result.request);
  }

  /** The ledger entries of what a request released: the same proof for either side. */
  async ledger(p: Principal, requestId: string): Promise<{ items: RequestLedgerEntry[] }> {
    await this.find(p, requestId);
    return { items: await this.requests.ledger(requestId) };
  }

  private async findAlert(p: Principal, alertId: string): Promise<RequestableAlert> {
    const alert = UUID.test(alertId) ? await this.requests.alert(p.agencyId!, alertId) : null;
    if (!alert) throw new NotificationError(NotificationErrorCode.AlertNotFound, 'No such alert.');
    return alert;
  }

  private async find(p: Principal, requestId: string): Promise<StoredRequest> {
    const request = UUID.test(requestId) ? await this.requests.get(p.agencyId!, requestId) : null;
    if (!request) throw notFound();
    return request;
  }
}

/** A request as `agencyId` (one of its sides) sees it. */
export function viewFor(agencyId: string, r: StoredRequest): RequestView {
  const outgoing = r.requesterAgencyId === agencyId;
  return {
    requestId: r.requestId,
    direction: outgoing ? 'OUTGOING' : 'INCOMING',
    ...(outgoing
      ? { alertId: r.alertId }
      : { ownerCaseRefs: r.ownerCases.map((c) => c.split(':').slice(2).join(':')) }),
    clusterId: r.clusterId,
    requesterAgencyId: r.requesterAgencyId,
    ownerAgencyId: r.ownerAgencyId,
    fields: r.fields,
    justification: r.justification,
    legalBasis: r.legalBasis,
    requestedByKey: r.requestedByKey,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    status: r.status,
    decision: r.decision,
    released: r.released.map((rec) => (outgoing ? { fields: rec.fields } : rec)),
  };
}

/**
 * The ledger entry of a decision that released something: one, naming every channel that carried
 * it to the requester (the API, each webhook), quoting every released value with who asked, who
 * decided, on what basis. A denial, or an approval that released nothing, discloses nothing.
 */
export function ledgerEntries(r: StoredRequest, webhooks: number): LedgerEntryData[] {
  if (r.released.length === 0 || !r.decision) return [];
  const entry: LedgerEntryData = {
    recordedAt: r.decision.at,
    recipient: { type: 'AGENCY', id: r.requesterAgencyId },
    kind: 'INFO_RELEASE',
    subjectId: r.requestId,
    channels: ['API', ...Array.from({ length: webhooks }, () => 'WEBHOOK' as const)],
    disclosed: [
      ...r.released.map((rec) => ({ source: 'report', id: rec.eventId, fields: rec.fields })),
      {
        source: 'info-request',
        id: r.requestId,
        fields: [
          { path: 'requestedBy', value: { agencyId: r.requesterAgencyId, keyId: r.requestedByKey } },
          { path: 'decidedBy', value: { agencyId: r.ownerAgencyId, keyId: r.decision.byKey } },
          { path: 'requestedFields', value: r.fields },
          { path: 'approvedFields', value: r.decision.approvedFields },
          { path: 'legalBasis', value: r.legalBasis },
          { path: 'justification', value: r.justification },
          { path: 'note', value: r.decision.note },
        ],
      },
    ],
  };
  return [entry];
}
