import type { CommodityType, ConfidenceLevel, PersonDto, RouteReportDto, WaypointDto } from '@app/contracts';
import { ReportBuilder } from './report.builder';
import { SAMPLE_CONTAINER_NUMBER } from './seizure-report.builder';

/**
 * Test data for RouteReports: `RouteReportBuilder.valid().withPlate('KBL 4521', 'AF').build()`.
 * The default is an AF-CNPA heroin route from Helmand through Torkham to Peshawar,
 * active February to June 2026 (so the default seizure lies on it).
 */
export class RouteReportBuilder extends ReportBuilder<RouteReportDto> {
  /** A realistic valid route with three waypoints, a plate and a phone as indicators. */
  static valid(): RouteReportBuilder {
    return new RouteReportBuilder(validRoute());
  }

  /** The agency's route reference (a new random one when called without an argument). */
  withRouteRef(routeRef: string = ReportBuilder.randomRef('ROUTE')): this {
    this.draft.routeRef = routeRef;
    return this;
  }

  /** Same as withRouteRef, so both builders share the vocabulary. */
  withCaseRef(routeRef?: string): this {
    return this.withRouteRef(routeRef);
  }

  /** The period the route is believed active; `validTo` omitted means open-ended. */
  withValidity(validFrom: string | Date, validTo?: string | Date): this {
    const iso = (t: string | Date) => (typeof t === 'string' ? t : t.toISOString());
    this.draft.validFrom = iso(validFrom);
    if (validTo === undefined) delete this.draft.validTo;
    else this.draft.validTo = iso(validTo);
    return this;
  }

  /** The commodity types the route carries. */
  withCommodityTypes(...types: CommodityType[]): this {
    this.draft.commodityTypes = [...types];
    return this;
  }

  /** The agency's confidence in the route. */
  withConfidence(confidence: ConfidenceLevel): this {
    this.draft.confidence = confidence;
    return this;
  }

  /** Appends a waypoint; its seq defaults to one more than the last. */
  withWaypoint(waypoint: Omit<Partial<WaypointDto>, 'seq'> & { seq?: number }): this {
    const waypoints = this.list('waypoints');
    const last = waypoints.at(-1)?.seq;
    const seq = waypoint.seq ?? (typeof last === 'number' ? last + 1 : 0);
    waypoints.push({ seq, role: 'TRANSIT', ...waypoint });
    return this;
  }

  /** Replaces every waypoint. */
  withWaypoints(waypoints: Partial<WaypointDto>[]): this {
    this.draft.waypoints = structuredClone(waypoints);
    return this;
  }

  /** Adds an indicator plate. */
  withPlate(plate: string, plateCountry?: string): this {
    this.list('plates', this.object('indicators')).push(
      plateCountry === undefined ? { plate } : { plate, plateCountry },
    );
    return this;
  }

  /** Adds an indicator container number. */
  withContainer(containerNumber: string = SAMPLE_CONTAINER_NUMBER): this {
    this.list<string>('containers', this.object('indicators')).push(containerNumber);
    return this;
  }

  /** Adds an indicator phone. */
  withPhone(phone: string): this {
    this.list<string>('phones', this.object('indicators')).push(phone);
    return this;
  }

  /** Adds an indicator person (a FACILITATOR unless the role is given). */
  withPerson(person: Partial<PersonDto> = {}): this {
    this.list('persons', this.object('indicators')).push(structuredClone({ role: 'FACILITATOR', ...person }));
    return this;
  }

  /** Adds an indicator organisation. */
  withOrganisation(name: string, country?: string): this {
    this.list('organisations', this.object('indicators')).push(
      country === undefined ? { name } : { name, country },
    );
    return this;
  }
}

/** The default route as a fresh draft. */
function validRoute(): Record<string, unknown> {
  return {
    agencyId: 'AF-CNPA',
    routeRef: 'CNPA-RT-2026-017',
    reportedAt: '2026-03-01T10:00:00+04:30',
    classification: { tlp: 'AMBER' },
    category: 'DRUGS',
    validFrom: '2026-02-01T00:00:00+04:30',
    validTo: '2026-06-30T23:59:59+04:30',
    commodityTypes: ['HEROIN', 'METHAMPHETAMINE'],
    waypoints: [
      {
        seq: 0,
        role: 'ORIGIN',
        lat: 31.593,
        lon: 64.371,
        country: 'AF',
        placeName: 'Lashkar Gah, Helmand',
      },
      { seq: 1, role: 'CROSSING', crossingPoint: 'TORKHAM', country: 'AF' },
      { seq: 2, role: 'DESTINATION', lat: 34.015, lon: 71.525, country: 'PK', placeName: 'Peshawar' },
    ],
    indicators: {
      plates: [{ plate: 'KDR 1182', plateCountry: 'AF' }],
      phones: ['070 123 4567'],
    },
    confidence: 'PROBABLE',
    modusOperandi:
      'Loads moved by night from Helmand to Jalalabad, then across Torkham hidden in produce trucks.',
  };
}
