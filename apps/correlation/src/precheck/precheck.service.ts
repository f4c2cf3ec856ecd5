import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { EventTypes, Topics, type PrecheckHitEvent, type TlpLevel } from '@app/contracts';
import type { GazetteerEntry } from '@app/matching';
import { enqueueOutbox } from '@app/outbox';
import { ProblemException } from '@app/platform';
import type { SharingPolicy } from '@app/sharing-policy';
import { strictestTlp } from '../cases/domain/tlp';
import { MATCH_GAZETTEER } from '../linking/linking.tokens';
import { checkKeys, identifierTypes } from './domain/check-keys';
import { discloseHit, type OwnerCaseState } from './domain/hit-disclosure';
import type { IndexMatch } from './domain/precheck-index';
import type { PrecheckRequestDto } from './dto/precheck-request.dto';
import type { PrecheckHitView, PrecheckResponse } from './dto/precheck-response';
import { PrecheckIndexService } from './precheck-index.service';
import { PRECHECK_MAX_FREQUENCY, PRECHECK_POLICY } from './precheck.tokens';

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
}

/**
 * Consignment pre-check (hit/no-hit, as Europol's EIS and INTERPOL's I-24/7 answer it): the
 * identifiers are normalised like a report's, looked up in the in-memory index, and answered
 * CLEAR or HIT with whom to contact. Each check writes one audit row; a HIT also queues one
 * PrecheckHit per hit for the owning agency, in the same transaction, so no hit is answered
 * without its owner being told. A check never becomes a report or an agency case.
 */
@Injectable()
export class PrecheckService {
  private readonly logger = new Logger(PrecheckService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly indexService: PrecheckIndexService,
    @Inject(PRECHECK_POLICY) private readonly policy: SharingPolicy,
    @Inject(PRECHECK_MAX_FREQUENCY) private readonly maxFrequency: number,
    @Inject(MATCH_GAZETTEER) private readonly gazetteer: readonly GazetteerEntry[],
  ) {}

  async check(req: PrecheckRequestDto, checker: Checker): Promise<PrecheckResponse> {
    const started = performance.now();
    if ((req.conveyances?.length ?? 0) + (req.persons?.length ?? 0) + (req.organisations?.length ?? 0) === 0)
      throw ProblemException.of(400, 'A pre-check needs at least one conveyance, person or organisation.', {
        type: 'validation',
        errors: [{ path: '$', message: 'give at least one of conveyances, persons, organisations' }],
      });
    const keys = checkKeys(req, checker.agencyId, this.gazetteer);
    const { matches } = this.indexService.index.lookup(keys, {
      maxFrequency: this.maxFrequency,
      excludeAgencyId: checker.agencyId,
    });
    const checkedAt = new Date();
    const types = identifierTypes(keys);

    if (matches.length === 0) {
      const response: PrecheckResponse = { checkId: req.checkId, result: 'CLEAR', hits: [] };
      const inserted = await this.audit(
        this.ds.manager,
        req,
        checker,
        types,
        response,
        [],
        started,
        checkedAt,
      );
      return inserted ? response : this.previous(req.checkId, checker.agencyId);
    }

    const outcome = await this.ds.transaction(async (m) => {
      const owners = await this.ownerStates(m, matches);
      const audited: AuditedHit[] = matches.map((x) => {
        const state = owners.get(x.case.caseKey) ?? { tlp: 'RED', clusterId: null };
        const d = discloseHit(this.policy, x.case.agencyId, checker.agencyId, state);
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
          ...(h.protectedPerson ? { protectedPerson: true as const } : {}),
        }));
      const response: PrecheckResponse = {
        checkId: req.checkId,
        result: views.length > 0 ? 'HIT' : 'CLEAR',
        hits: views,
      };
      const inserted = await this.audit(m, req, checker, types, response, audited, started, checkedAt);
      // A retried checkId: the first answer stands and its owners were told already.
      if (!inserted) return null;
      await enqueueOutbox(
        m,
        'correlation',
        audited.map((h, i) => {
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
      );
      return response;
    });
    if (!outcome) return this.previous(req.checkId, checker.agencyId);
    this.logger.log({
      msg: 'pre-check hit',
      checkId: req.checkId,
      checkingAgencyId: checker.agencyId,
      crossingPoint: req.crossingPoint,
      hits: matches.length,
      disclosed: outcome.hits.length,
    });
    return outcome;
  }

  /** The strictest TLP and the cluster of each matched agency case (a point lookup per hit, never a scan). */
  private async ownerStates(m: EntityManager, matches: IndexMatch[]): Promise<Map<string, OwnerCaseState>> {
    const caseKeys = [...new Set(matches.map((x) => x.case.caseKey))];
    const rows = await m.query<{ case_key: string; cluster_id: string | null; tlps: string[] }[]>(
      `SELECT c.case_key, c.cluster_id, array_agg(r.body->'classification'->>'tlp') AS tlps
         FROM correlation.agency_case c JOIN correlation.report r ON r.agency_case_id = c.id
        WHERE c.case_key = ANY($1::text[]) GROUP BY c.case_key, c.cluster_id`,
      [caseKeys],
    );
    return new Map(rows.map((r) => [r.case_key, { tlp: strictestTlp(r.tlps), clusterId: r.cluster_id }]));
  }

  /** Writes the audit row; false when this agency already made a check with this checkId. */
  private async audit(
    m: EntityManager,
    req: PrecheckRequestDto,
    checker: Checker,
    types: string[],
    response: PrecheckResponse,
    hits: AuditedHit[],
    started: number,
    checkedAt: Date,
  ): Promise<boolean> {
    const rows = await m.query<{ id: string }[]>(
      `INSERT INTO correlation.precheck_audit
         (check_id, agency_id, key_id, crossing_point, identifier_types, result, hit_count, withheld_count,
          duration_ms, response, hits, checked_at)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12)
       ON CONFLICT (agency_id, check_id) DO NOTHING RETURNING id`,
      [
        req.checkId,
        checker.agencyId,
        checker.keyId,
        req.crossingPoint,
        types,
        response.result,
        response.hits.length,
        hits.filter((h) => !h.disclosed).length,
        performance.now() - started,
        JSON.stringify(response),
        JSON.stringify(hits),
        checkedAt,
      ],
    );
    return rows.length > 0;
  }

  private async previous(checkId: string, agencyId: string): Promise<PrecheckResponse> {
    const [row] = await this.ds.query<{ response: PrecheckResponse }[]>(
      `SELECT response FROM correlation.precheck_audit WHERE agency_id = $1 AND check_id = $2`,
      [agencyId, checkId],
    );
    return row.response;
  }
}
