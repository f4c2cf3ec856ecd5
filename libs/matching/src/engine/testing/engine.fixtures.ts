// Shared test data of the engine specs: bare reports that carry only what a spec adds, so
// each rule can be tested alone. Used by *.spec.ts only.
import { defaultGazetteer } from '@app/contracts';
import type { RouteReportDto, SeizureReportDto } from '@app/contracts';
import { RouteReportBuilder, SeizureReportBuilder } from '@app/testing';
import { agencyCaseOf, buildProfile } from '../agency-case';
import type { CaseProfile } from '../agency-case';
import { extractFeatures } from '../features';

/** The shipped gazetteer's entries. */
export const GAZETTEER = defaultGazetteer.all();

/** A seizure with no persons, conveyances or organisations, at `crossing`, of `commodity`. */
export function bareSeizure(
  agencyId: string,
  ref: string,
  opts: { crossing?: string; occurredAt?: string; commodity?: 'HEROIN' | 'HASHISH' | 'CIGARETTES' } = {},
): SeizureReportBuilder {
  return SeizureReportBuilder.valid()
    .withAgency(agencyId)
    .withCaseRef(ref)
    .without('persons')
    .without('conveyances')
    .without('route')
    .withCrossingPoint(opts.crossing ?? 'TORKHAM')
    .withOccurredAt(opts.occurredAt ?? '2026-03-14T06:30:00+05:00')
    .with('commodities', [{ type: opts.commodity ?? 'HEROIN', quantity: 10, unit: 'KG' }]);
}

/** A second seizure elsewhere (Chaman), months later, of another commodity: agrees on nothing by itself. */
export function unrelatedSeizure(agencyId: string, ref: string): SeizureReportBuilder {
  return bareSeizure(agencyId, ref, {
    crossing: 'CHAMAN_SPIN_BOLDAK',
    occurredAt: '2026-01-02T10:00:00+04:30',
    commodity: 'CIGARETTES',
  });
}

/** A route with waypoints but no indicators (default: Lashkar Gah → Torkham → Peshawar, heroin, Feb–Jun 2026). */
export function bareRoute(agencyId: string, ref: string): RouteReportBuilder {
  return RouteReportBuilder.valid().withAgency(agencyId).withRouteRef(ref).without('indicators');
}

/** The profile of an agency case made of one report. */
export function profileOf(kind: 'seizure', report: SeizureReportDto): CaseProfile;
export function profileOf(kind: 'route', report: RouteReportDto): CaseProfile;
export function profileOf(kind: 'seizure' | 'route', report: SeizureReportDto | RouteReportDto): CaseProfile {
  return buildProfile(agencyCaseOf(report, kind), extractFeatures(report, kind, GAZETTEER));
}
