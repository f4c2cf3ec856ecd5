import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventTypes, Topics, type PrecheckHitEvent, type TlpLevel } from '@app/contracts';
import { SHARING_POLICY, type SharingPolicy } from '@app/sharing-policy';
import { discloseHit } from './domain/hit-disclosure';
import { precheckLedgerEntry } from './domain/precheck-ledger-entry';
import { CorrelationLedger } from '../ledger/correlation-ledger';
import type { PrecheckHitView, PrecheckResponse } from './dto/precheck-response';
import { PrecheckAuditWriter, type PrecheckAuditRow } from './precheck-audit.writer';
import { PrecheckOwnerReader } from './precheck-owner.reader';
import type { KeyedCheck } from './keying/keyed-check';
import { PrecheckKeyingPool } from './keying/precheck-keying.pool';
import { PrecheckIndexService } from './precheck-index.service';
import { PRECHECK_REPOSITORY, type PrecheckRepository } from './precheck.repository';
import { PRECHECK_MAX_FREQUENCY } from './precheck.tokens';

/** Who asks: the publisher key of the checking agency. */
export interface Checker {
  keyId: string;
  agencyId: string;
}

/** One hit as the audit records it (the owner side included: it is the disclosure record). */
interface AuditedHit {
  hitId: string;
  feature: string;
  owningAgencyId: string;
  agencyCaseId: string;
  clusterId: string | null;
  tlp: TlpLevel;
  disclosed: boolean;
  counterpart: PrecheckHitView['counterpart'];
  /** The cluster id as disclosed to the checker (absent under TLP:RED). */
  disclosedClusterId?: string;
  protectedPerson: boolean;
  /** Whether the checker was told a protected person matched (persons level and TLP). */
  disclosedProtectedPerson?: true;
}

/**
 * Consignment pre-check (hit/no-hit, as Europol's EIS and INTERPOL's I-24/7 answer it): the
 * identifiers are normalised like a report's, looked up in the in-memory index, and answered
 * CLEAR or HIT with whom to contact. Each check writes one audit row; a HIT also queues one
 * PrecheckHit per hit for the owning agency, in the same transaction, so no hit is answered
 * without its owner being told. The rows of concurrent checks are group-committed
 * (PrecheckAuditWriter); each answer waits for its commit. A check never becomes a report or
 * an agency case.
 */
@Injectable()
export class PrecheckService {
  private readonly logger = new Logger(PrecheckService.name);
  /** Checks between arrival and answer. */
  private inFlight = 0;

  constructor(
    @Inject(PRECHECK_REPOSITORY) private readonly repo: PrecheckRepository,
    private readonly indexService: PrecheckIndexService,
    private readonly audit: PrecheckAuditWriter,
    private readonly owners: PrecheckOwnerReader,
    private readonly keying: PrecheckKeyingPool,
    @Inject(SHARING_POLICY) private readonly policy: SharingPolicy,
    @Inject(PRECHECK_MAX_FREQUENCY) private readonly maxFrequency: number,
    private readonly ledger: CorrelationLedger,
  ) {}

  /** Answers one `POST /v1/prechecks` body (validated and keyed off the event loop). */
  async check(body: unknown, checker: Checker): Promise<PrecheckResponse> {
    this.inFlight++;
    try {
      const started = performance.now();
      // A lone check is keyed inline; with others in progress, in a worker thread.
      const req = await this.keying.key(body, checker.agencyId, this.inFlight === 1);
      return await this.answer(req, checker, started);
    } finally {
      this.inFlight--;
    }
  }

  /**
   * The fast route's check: the body as received (JSON text). Null when it is not certainly
   * a valid check: nothing was done, and the full route answers it (its errors included).
   */
  async checkText(text: string, checker: Checker): Promise<PrecheckResponse | null> {
    this.inFlight++;
    try {
      const started = performance.now();
      const req = await this.keying.keyText(text, checker.agencyId, this.inFlight === 1);
      return req ? await this.answer(req, checker, started) : null;
    } finally {
      this.inFlight--;
    }
  }

  private async answer(req: KeyedCheck, checker: Checker, started: number): Promise<PrecheckResponse> {
    const { matches } = this.indexService.index.lookup(req.keys, {
      maxFrequency: this.maxFrequency,
      excludeAgencyId: checker.agencyId,
    });
    const checkedAt = new Date();
    const types = req.types;

    if (matches.length === 0) {
      const response: PrecheckResponse = { checkId: req.checkId, result: 'CLEAR', hits: [] };
      const inserted = await this.audit.write(
        this.auditRow(req, checker, types, response, [], started, checkedAt),
      );
      return inserted ? response : this.previous(req.checkId, checker.agencyId);
    }

    // The owner cases' TLP and cluster decide what the checker may see (read before the write).
    const owners = await this.owners.read([...new Set(matches.map((x) => x.case.caseKey))]);
    const audited: AuditedHit[] = matches.map((x) => {
      const state = owners.get(x.case.caseKey) ?? { tlp: 'RED', clusterId: null };
      const d = discloseHit(this.policy, x.case.agencyId, checker.agencyId, state, x.protected);
      return {
        hitId: randomUUID(),
        feature: x.feature,
        owningAgencyId: x.case.agencyId,
        agencyCaseId: x.case.caseKey,
        clusterId: state.clusterId,
        tlp: state.tlp,
        disclosed: d.disclosed,
        counterpart: d.counterpart,
        protectedPerson: x.protected,
        ...(d.protectedPerson ? { disclosedProtectedPerson: true as const } : {}),
        ...(d.clusterId ? { disclosedClusterId: d.clusterId } : {}),
      };
    });
    const views: PrecheckHitView[] = audited
      .filter((h) => h.disclosed)
      .map((h) => ({
        hitId: h.hitId,
        feature: h.feature as PrecheckHitView['feature'],
        counterpart: h.counterpart,
        ...(h.disclosedClusterId ? { clusterId: h.disclosedClusterId } : {}),
        ...(h.disclosedProtectedPerson ? { protectedPerson: true as const } : {}),
      }));
    const response: PrecheckResponse = {
      checkId: req.checkId,
      result: views.length > 0 ? 'HIT' : 'CLEAR',
      hits: views,
    };
    // The audit row and one PrecheckHit per hit commit together: no hit is answered without
    // its owner being told. A retried checkId writes neither: the first answer stands.
    const inserted = await this.audit.write(
      this.auditRow(req, checker, types, response, audited, started, checkedAt),
      audited.map((h, i) => {
        const categories = owners.get(h.agencyCaseId)?.categories;
        const event: PrecheckHitEvent = {
          eventId: randomUUID(),
          checkId: req.checkId,
          hitId: h.hitId,
          owningAgencyId: h.owningAgencyId,
          checkingAgencyId: checker.agencyId,
          crossingPoint: req.crossingPoint,
          feature: matches[i].feature,
          agencyCaseId: h.agencyCaseId,
          agencyCaseRef: matches[i].case.ref,
          detail: matches[i].display,
          ...(h.clusterId ? { clusterId: h.clusterId } : {}),
          ...(categories ? { categories } : {}),
          protectedPerson: h.protectedPerson,
          disclosedToChecker: h.disclosed,
          checkedAt: checkedAt.toISOString(),
        };
        return {
          topic: Topics.PrecheckHit,
          key: h.owningAgencyId,
          headers: {
            'event-id': event.eventId,
            'event-type': EventTypes.PrecheckHit,
            'schema-version': '1',
          },
          value: event,
        };
      }),
      precheckLedgerEntry(
        checker.agencyId,
        response,
        checkedAt,
        new Map(
          audited.map((h, i) => [h.hitId, { agencyCaseId: h.agencyCaseId, matched: matches[i].display }]),
        ),
      ) ?? undefined,
    );
    if (!inserted) return this.previous(req.checkId, checker.agencyId);
    this.logger.log({
      msg: 'pre-check hit',
      checkId: req.checkId,
      checkingAgencyId: checker.agencyId,
      crossingPoint: req.crossingPoint,
      hits: matches.length,
      disclosed: response.hits.length,
    });
    return response;
  }

  private auditRow(
    req: KeyedCheck,
    checker: Checker,
    types: string[],
    response: PrecheckResponse,
    hits: AuditedHit[],
    started: number,
    checkedAt: Date,
  ): PrecheckAuditRow {
    return {
      checkId: req.checkId,
      agencyId: checker.agencyId,
      keyId: checker.keyId,
      crossingPoint: req.crossingPoint,
      identifierTypes: types,
      result: response.result,
      hitCount: response.hits.length,
      withheldCount: hits.filter((h) => !h.disclosed).length,
      durationMs: performance.now() - started,
      response,
      hits,
      checkedAt,
    };
  }

  /** The first answer to a retried checkId: given again, so recorded again in the ledger. */
  private async previous(checkId: string, agencyId: string): Promise<PrecheckResponse> {
    const response = await this.repo.previousResponse(agencyId, checkId);
    const entry = precheckLedgerEntry(agencyId, response, new Date());
    if (entry) await this.ledger.record([entry]);
    return response;
  }
}
