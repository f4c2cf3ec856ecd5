import type {
  CommodityType,
  DocumentType,
  PersonRole,
  ReportCategory,
  RouteReportDto,
  SeizureReportDto,
} from '@app/contracts';
import { agencyCaseKey, containerCheckDigit, type ReportKindName } from '@app/matching';
import { Prng } from './prng';
import {
  AF_PLATE_CODES,
  AF_TOWNS,
  AGENCIES,
  BORDER_CROSSINGS,
  CONTAINER_OWNERS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  HONORIFICS,
  ORG_KINDS,
  ORG_STEMS,
  ORG_SUFFIXES,
  PK_PLATE_CODES,
  PK_TOWNS,
  PORTS,
  RING_KINDS,
  TRANSLITERATIONS,
} from './vocabulary';

type Country = 'AF' | 'PK';

/** Options of generateScenario. */
export interface ScenarioOptions {
  seed: number;
  /** Total reports to produce (seizures and routes, originals and amendments). */
  reports: number;
  /** Share of reports that belong to rings (default 0.5); the rest is unrelated noise. */
  ringShare?: number;
  /** First day of the scenario (default 2025-01-01, UTC). */
  start?: Date;
  /** Length of the scenario in days (default 365). */
  days?: number;
}

/** One generated report with its kind and its ground-truth ring. */
export interface GeneratedReport {
  kind: ReportKindName;
  report: SeizureReportDto | RouteReportDto;
  /** Agency case id (agencyCaseKey) the report belongs to. */
  agencyCaseId: string;
  ringId: string | null;
}

/** A generated scenario: reports in reporting order, and the ring of every agency case. */
export interface Scenario {
  reports: GeneratedReport[];
  /** Agency case id → ring id, or null for an unrelated case. */
  truth: Map<string, string | null>;
  rings: number;
}

interface PhoneEntity {
  country: Country;
  /** National significant number: `3001234567` (PK) or `701234567` (AF). */
  national: string;
}

interface DocEntity {
  type: DocumentType;
  country: Country;
  /** Canonical value: digits / letters only. */
  value: string;
  shape: 'CNIC' | 'TAZKIRA' | 'PASSPORT';
}

interface PersonEntity {
  given: string;
  family: string;
  dob: string;
  nationality: Country;
  phones: PhoneEntity[];
  documents: DocEntity[];
}

interface VehicleEntity {
  code: string;
  digits: string;
  country: Country;
  kind: 'TRUCK' | 'CAR' | 'BUS';
}

interface Ring {
  id: string;
  category: ReportCategory;
  commodities: readonly CommodityType[];
  crossing: string;
  start: number;
  spanDays: number;
  persons: PersonEntity[];
  vehicles: VehicleEntity[];
  containers: string[];
  organisation?: string;
}

// Values officers type into mandatory fields when they have nothing: shared by many cases.
const PLACEHOLDER_PHONES = ['+920000000000', '0000000000', '+930000000000', '0300 0000000'];
const PLACEHOLDER_PLATES = ['UNKNOWN', 'N/A', 'NIL', 'no plate'];
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const DAY = 86_400_000;

function persian(text: string): string {
  return text.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]);
}

function timestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Builds reports for rings and noise from one seeded random sequence. */
class ScenarioBuilder {
  readonly reports: GeneratedReport[] = [];
  readonly truth = new Map<string, string | null>();
  readonly rings: Ring[] = [];
  ringReports = 0;
  private readonly caseSeq = new Map<string, number>();
  private readonly recentRingSeizures: { crossing: string; at: number; commodity?: CommodityType }[] = [];
  private readonly hubPhones: PhoneEntity[];
  private readonly hubPlates: VehicleEntity[];

  constructor(
    private readonly rnd: Prng,
    private readonly start: number,
    private readonly days: number,
  ) {
    this.hubPhones = [this.phone('PK'), this.phone('AF'), this.phone('PK')];
    this.hubPlates = [this.vehicle('PK'), this.vehicle('AF')];
  }

  // ---- entities --------------------------------------------------------------------------

  phone(country: Country): PhoneEntity {
    const r = this.rnd;
    const national = country === 'PK' ? `3${r.int(0, 4)}${r.digits(8)}` : `7${r.int(0, 9)}${r.digits(7)}`;
    return { country, national };
  }

  document(country: Country): DocEntity {
    const r = this.rnd;
    if (r.chance(0.75)) {
      if (country === 'PK')
        return { type: 'NATIONAL_ID', country, value: `${r.int(1, 7)}${r.digits(12)}`, shape: 'CNIC' };
      return {
        type: 'NATIONAL_ID',
        country,
        value: `${r.pick(['1398', '1399', '1400', '1401'])}${r.digits(9)}`,
        shape: 'TAZKIRA',
      };
    }
    const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
    const prefix = country === 'PK' ? `${r.pick([...letters])}${r.pick([...letters])}` : 'P';
    return { type: 'PASSPORT', country, value: `${prefix}${r.digits(7)}`, shape: 'PASSPORT' };
  }

  person(nationality: Country = this.rnd.chance(0.5) ? 'AF' : 'PK'): PersonEntity {
    const r = this.rnd;
    const year = r.int(1960, 2003);
    const dob = `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const phones = [this.phone(nationality)];
    if (r.chance(0.35))
      phones.push(this.phone(r.chance(0.7) ? nationality : nationality === 'AF' ? 'PK' : 'AF'));
    const documents = r.chance(0.8) ? [this.document(nationality)] : [];
    const given = r.chance(0.3) ? `${r.pick(GIVEN_NAMES)} ${r.pick(GIVEN_NAMES)}` : r.pick(GIVEN_NAMES);
    return { given, family: r.pick(FAMILY_NAMES), dob, nationality, phones, documents };
  }

  vehicle(country: Country = this.rnd.chance(0.5) ? 'AF' : 'PK'): VehicleEntity {
    const r = this.rnd;
    const code = r.pick(country === 'AF' ? AF_PLATE_CODES : PK_PLATE_CODES);
    return {
      code,
      digits: r.digits(country === 'AF' ? 5 : 4),
      country,
      kind: r.pick(['TRUCK', 'TRUCK', 'CAR', 'BUS'] as const),
    };
  }

  container(valid = true): string {
    const r = this.rnd;
    const firstTen = `${r.pick(CONTAINER_OWNERS)}${r.digits(6)}`;
    const check = containerCheckDigit(firstTen);
    return `${firstTen}${valid ? check : (check + r.int(1, 9)) % 10}`;
  }

  organisation(): string {
    const r = this.rnd;
    return `${r.pick(ORG_STEMS)} ${r.pick(ORG_KINDS)}`;
  }

  // ---- rendering with noise ---------------------------------------------------------------

  renderName(p: PersonEntity): string {
    const r = this.rnd;
    const variant = (name: string) =>
      TRANSLITERATIONS[name] && r.chance(0.4) ? r.pick(TRANSLITERATIONS[name]) : name;
    let given =
      p.given.split(' ').length === 2 && !TRANSLITERATIONS[p.given]
        ? p.given.split(' ').map(variant).join(' ')
        : variant(p.given);
    let family = variant(p.family);
    if (r.chance(0.12)) {
      // One typo in one word (never its first letter): substitution, deletion or doubling.
      const typo = (w: string) => {
        if (w.length < 4) return w;
        const i = r.int(1, w.length - 1);
        const op = r.int(0, 2);
        if (op === 0) return w.slice(0, i) + r.pick([...'aeiouhrn']) + w.slice(i + 1);
        if (op === 1) return w.slice(0, i) + w.slice(i + 1);
        return w.slice(0, i) + w[i] + w.slice(i);
      };
      if (r.chance(0.5)) given = typo(given);
      else family = typo(family);
    }
    let name = r.chance(0.15) ? `${family}, ${given}` : `${given} ${family}`;
    if (r.chance(0.08)) name = `${r.pick(HONORIFICS)} ${name}`;
    if (r.chance(0.2)) name = name.toUpperCase();
    return name;
  }

  renderPhone(p: PhoneEntity, agencyCountry: Country): string {
    const r = this.rnd;
    const cc = p.country === 'PK' ? '92' : '93';
    const n = p.national;
    const spaced =
      p.country === 'PK'
        ? `${n.slice(0, 3)} ${n.slice(3)}`
        : `${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`;
    const international = [
      `+${cc} ${spaced}`,
      `+${cc}${n}`,
      `00${cc} ${spaced}`,
      `+${cc}-${spaced.replace(/ /g, '-')}`,
    ];
    // An agency writes its own country's numbers nationally, foreign numbers internationally.
    const local =
      p.country === agencyCountry
        ? [`0${spaced}`, `0${n}`, `0${spaced.replace(/ /g, '-')}`, persian(`0${n}`)]
        : [];
    return r.pick([...international, ...local, ...local]);
  }

  renderPlate(v: VehicleEntity): { plate: string; plateCountry?: string } {
    const r = this.rnd;
    const plate = r.pick([
      `${v.code} ${v.digits}`,
      `${v.code}-${v.digits}`,
      `${v.code}${v.digits}`,
      `${v.code.toLowerCase()}-${v.digits}`,
      `${v.code} ${persian(v.digits)}`,
      `${v.code}.${v.digits}`,
    ]);
    return r.chance(0.1) ? { plate } : { plate, plateCountry: v.country };
  }

  renderContainer(value: string): string {
    const r = this.rnd;
    const owner = value.slice(0, 4);
    const serial = value.slice(4, 10);
    const check = value[10];
    return r.pick([
      value,
      `${owner} ${serial}-${check}`,
      `${owner} ${serial} ${check}`,
      value.toLowerCase(),
      `${owner}-${serial}-${check}`,
    ]);
  }

  renderDocument(d: DocEntity): { type: DocumentType; number: string; issuingCountry?: string } {
    const r = this.rnd;
    const v = d.value;
    let number = v;
    if (d.shape === 'CNIC' && r.chance(0.6)) number = `${v.slice(0, 5)}-${v.slice(5, 12)}-${v.slice(12)}`;
    if (d.shape === 'TAZKIRA' && r.chance(0.6)) number = `${v.slice(0, 4)}-${v.slice(4, 8)}-${v.slice(8)}`;
    if (r.chance(0.1)) number = persian(number);
    return r.chance(0.85) ? { type: d.type, number, issuingCountry: d.country } : { type: d.type, number };
  }

  renderPerson(
    p: PersonEntity,
    role: PersonRole,
    agencyCountry: Country,
    keep: 'any' | 'anchor',
  ): Record<string, unknown> {
    const r = this.rnd;
    const out: Record<string, unknown> = { role };
    if (keep === 'anchor' || r.chance(0.95)) out.name = this.renderName(p);
    if (r.chance(0.75)) out.dateOfBirth = p.dob;
    if (r.chance(0.8)) out.nationality = p.nationality;
    const phones = p.phones.filter(() => r.chance(0.7)).map((ph) => this.renderPhone(ph, agencyCountry));
    const documents = p.documents.filter(() => r.chance(0.6)).map((d) => this.renderDocument(d));
    if (keep === 'anchor' && phones.length === 0 && documents.length === 0 && out.dateOfBirth === undefined) {
      // The member that ties this case to the ring keeps at least one identifying detail.
      if (p.phones.length > 0) phones.push(this.renderPhone(p.phones[0], agencyCountry));
      else out.dateOfBirth = p.dob;
    }
    if (r.chance(0.04)) phones.push(r.pick(PLACEHOLDER_PHONES));
    if (phones.length > 0) out.phones = phones;
    if (documents.length > 0) out.documents = documents;
    return out;
  }

  renderOrganisation(name: string): { name: string; country?: string } {
    const r = this.rnd;
    const suffix = r.pick(ORG_SUFFIXES);
    const text = `${r.chance(0.1) ? 'M/s ' : ''}${name}${suffix ? ` ${suffix}` : ''}`;
    return { name: r.chance(0.2) ? text.toUpperCase() : text };
  }

  // ---- reports ----------------------------------------------------------------------------

  nextRef(agencyId: string, kind: ReportKindName): string {
    const n = (this.caseSeq.get(agencyId) ?? 0) + 1;
    this.caseSeq.set(agencyId, n);
    const code = agencyId.slice(3);
    return `${code}-${kind === 'route' ? 'RT' : 'CS'}-${String(n).padStart(6, '0')}`;
  }

  location(crossing: string, agencyCountry: Country): Record<string, unknown> {
    const r = this.rnd;
    const country = crossing.endsWith('PORT') || crossing === 'PORT_QASIM' ? 'PK' : agencyCountry;
    if (r.chance(0.15)) {
      // Coordinates from a GPS unit near the crossing (within ~5 km), sometimes without the code.
      const base = BORDER_CROSSINGS_COORDS[crossing];
      const lat = Math.round((base[0] + (r.next() - 0.5) * 0.08) * 1e5) / 1e5;
      const lon = Math.round((base[1] + (r.next() - 0.5) * 0.08) * 1e5) / 1e5;
      return r.chance(0.5) ? { lat, lon, country } : { crossingPoint: crossing, lat, lon, country };
    }
    return { crossingPoint: crossing, country };
  }

  commodities(types: readonly CommodityType[]): Record<string, unknown>[] {
    const r = this.rnd;
    return types.map((type) => ({
      type,
      quantity: r.int(1, 400) + r.int(0, 9) / 10,
      unit: type === 'CIGARETTES' || type === 'ELECTRONICS' ? 'UNITS' : type === 'FUEL' ? 'L' : 'KG',
    }));
  }

  /** Splits one agency case into an original report and amendments that resend it with more detail. */
  emitSeizure(
    agencyId: string,
    ringId: string | null,
    category: ReportCategory,
    occurredAt: number,
    body: Record<string, unknown>,
  ): void {
    const r = this.rnd;
    const ref = this.nextRef(agencyId, 'seizure');
    const id = agencyCaseKey('seizure', agencyId, ref);
    this.truth.set(id, ringId);
    const versions = r.weighted([
      [1, 60],
      [2, 30],
      [3, 10],
    ] as const);
    const persons = (body.persons as unknown[] | undefined) ?? [];
    const conveyances = (body.conveyances as unknown[] | undefined) ?? [];
    let reportedAt = occurredAt + r.int(1, 48) * 3_600_000;
    for (let v = 1; v <= versions; v++) {
      const last = v === versions;
      // Earlier versions carry a prefix of the persons and conveyances; the last has everything.
      const cut = (list: unknown[]) =>
        last ? list : list.slice(0, Math.max(1, Math.ceil((list.length * v) / versions)));
      const report: Record<string, unknown> = {
        eventId: r.uuid(),
        agencyId,
        agencyCaseRef: ref,
        reportedAt: timestamp(reportedAt),
        classification: { tlp: r.pick(['AMBER', 'AMBER', 'GREEN', 'AMBER+STRICT', 'RED']) },
        category,
        occurredAt: timestamp(occurredAt),
        ...body,
      };
      if (persons.length > 0) report.persons = cut(persons);
      else delete report.persons;
      if (conveyances.length > 0) report.conveyances = cut(conveyances);
      else delete report.conveyances;
      if (v > 1) report.narrative = `Amendment ${v - 1}: further details from the investigation.`;
      this.reports.push({
        kind: 'seizure',
        report: report as unknown as SeizureReportDto,
        agencyCaseId: id,
        ringId,
      });
      if (ringId !== null) this.ringReports++;
      reportedAt += r.int(1, 20) * DAY;
    }
  }

  emitRoute(
    agencyId: string,
    ringId: string | null,
    category: ReportCategory,
    body: Record<string, unknown>,
    reportedAt: number,
  ): void {
    const r = this.rnd;
    const ref = this.nextRef(agencyId, 'route');
    const id = agencyCaseKey('route', agencyId, ref);
    this.truth.set(id, ringId);
    const report = {
      eventId: r.uuid(),
      agencyId,
      routeRef: ref,
      reportedAt: timestamp(reportedAt),
      classification: { tlp: 'AMBER' },
      category,
      ...body,
    };
    this.reports.push({
      kind: 'route',
      report: report as unknown as RouteReportDto,
      agencyCaseId: id,
      ringId,
    });
    if (ringId !== null) this.ringReports++;
  }

  newRing(): Ring {
    const r = this.rnd;
    const kind = r.weighted(RING_KINDS.map((k) => [k, k.weight] as const));
    const commodities =
      kind.commodities.length > 1 && r.chance(0.5) ? kind.commodities : kind.commodities.slice(0, 1);
    const persons = Array.from({ length: r.int(2, 5) }, () => this.person());
    const vehicles = Array.from({ length: r.int(0, 3) }, () => this.vehicle());
    const containers = r.chance(0.25)
      ? Array.from({ length: r.int(1, 2) }, () => this.container(!r.chance(0.15)))
      : [];
    const crossing = containers.length > 0 && r.chance(0.6) ? r.pick(PORTS) : r.weighted(BORDER_CROSSINGS);
    const spanDays = r.int(10, 120);
    return {
      id: `ring-${this.rings.length + 1}`,
      category: kind.category,
      commodities,
      crossing,
      start: this.start + r.int(0, Math.max(0, this.days - spanDays)) * DAY,
      spanDays,
      persons,
      vehicles,
      containers,
      ...(r.chance(0.3) ? { organisation: this.organisation() } : {}),
    };
  }

  /** One ring: 2–7 agency cases on both sides of the border that share its people, vehicles and containers. */
  addRing(): void {
    const r = this.rnd;
    const ring = this.newRing();
    this.rings.push(ring);
    const cases = r.weighted([
      [2, 25],
      [3, 25],
      [4, 20],
      [5, 15],
      [6, 10],
      [7, 5],
    ] as const);
    const used = new Set<string>();
    for (let c = 0; c < cases; c++) {
      const country: Country =
        c === 0
          ? r.pick(['AF', 'PK'] as const)
          : c === 1
            ? this.firstCountry === 'AF'
              ? 'PK'
              : 'AF'
            : r.pick(['AF', 'PK'] as const);
      if (c === 0) this.firstCountry = country;
      const agencyId = r.pick(AGENCIES[country]);
      const occurredAt = ring.start + r.int(0, ring.spanDays * 24) * 3_600_000;
      const crossing = r.chance(0.85) ? ring.crossing : r.weighted(BORDER_CROSSINGS);

      // The anchor: something an earlier case of the ring carried (or anything, for the first).
      type Item =
        { kind: 'person'; i: number } | { kind: 'vehicle'; i: number } | { kind: 'container'; i: number };
      const items: Item[] = [
        ...ring.persons.map((_, i) => ({ kind: 'person' as const, i })),
        ...ring.vehicles.map((_, i) => ({ kind: 'vehicle' as const, i })),
        ...ring.containers.map((_, i) => ({ kind: 'container' as const, i })),
      ];
      const seen = items.filter((it) => used.has(`${it.kind}${it.i}`));
      const anchor = seen.length > 0 ? r.pick(seen) : r.pick(items);
      const chosen = new Map<string, Item>([[`${anchor.kind}${anchor.i}`, anchor]]);
      for (const it of items)
        if (r.chance(it.kind === 'person' ? 0.35 : 0.3)) chosen.set(`${it.kind}${it.i}`, it);
      for (const key of chosen.keys()) used.add(key);

      const persons: Record<string, unknown>[] = [];
      const conveyances: Record<string, unknown>[] = [];
      for (const [key, it] of chosen) {
        const isAnchor = key === `${anchor.kind}${anchor.i}`;
        if (it.kind === 'person') {
          const role = r.pick(['DRIVER', 'COURIER', 'FACILITATOR', 'SUSPECT'] as const);
          persons.push(this.renderPerson(ring.persons[it.i], role, country, isAnchor ? 'anchor' : 'any'));
        } else if (it.kind === 'vehicle') {
          const v = ring.vehicles[it.i];
          const rendered = this.renderPlate(v);
          if (isAnchor && rendered.plateCountry === undefined) rendered.plateCountry = v.country;
          conveyances.push({ kind: v.kind, ...rendered });
        } else {
          conveyances.push({
            kind: 'CONTAINER',
            containerNumber: this.renderContainer(ring.containers[it.i]),
          });
        }
      }
      if (ring.category === 'MIGRANT_SMUGGLING' || ring.category === 'TRAFFICKING_IN_PERSONS') {
        const role: PersonRole = ring.category === 'MIGRANT_SMUGGLING' ? 'SMUGGLED_MIGRANT' : 'VICTIM';
        for (let k = r.int(1, 4); k > 0; k--)
          persons.push(this.renderPerson(this.person(), role, country, 'any'));
      }
      if (r.chance(0.03)) conveyances.push({ kind: 'TRUCK', plate: r.pick(PLACEHOLDER_PLATES) });
      const body: Record<string, unknown> = {
        location: this.location(crossing, country),
        ...(ring.commodities.length > 0 ? { commodities: this.commodities(ring.commodities) } : {}),
        ...(conveyances.length > 0 ? { conveyances } : {}),
        ...(persons.length > 0 ? { persons } : {}),
        ...(ring.organisation && r.chance(0.5)
          ? { organisations: [this.renderOrganisation(ring.organisation)] }
          : {}),
        route: { origin: 'AF', destination: 'PK' },
      };
      this.emitSeizure(agencyId, ring.id, ring.category, occurredAt, body);
      this.recentRingSeizures.push({ crossing, at: occurredAt, commodity: ring.commodities[0] });
      if (this.recentRingSeizures.length > 500) this.recentRingSeizures.shift();
    }
    if (r.chance(0.25)) this.addRingRoute(ring);
  }

  private firstCountry: Country = 'AF';

  /** A route report on a ring: its crossing as a waypoint, its period, and some of its identifiers as indicators. */
  addRingRoute(ring: Ring): void {
    const r = this.rnd;
    const country: Country = r.pick(['AF', 'PK'] as const);
    const indicators: Record<string, unknown> = {};
    const plates = ring.vehicles
      .filter(() => r.chance(0.6))
      .map((v) => ({ plate: `${v.code} ${v.digits}`, plateCountry: v.country }));
    const phones = ring.persons
      .flatMap((p) => p.phones)
      .filter(() => r.chance(0.4))
      .map((p) => this.renderPhone(p, country));
    const persons = ring.persons
      .filter(() => r.chance(0.3))
      .map((p) => ({ role: 'FACILITATOR', name: this.renderName(p), dateOfBirth: p.dob }));
    if (plates.length + phones.length + persons.length === 0)
      phones.push(this.renderPhone(ring.persons[0].phones[0], country));
    if (plates.length > 0) indicators.plates = plates;
    if (phones.length > 0) indicators.phones = phones;
    if (persons.length > 0) indicators.persons = persons;
    if (ring.containers.length > 0 && r.chance(0.5)) indicators.containers = [ring.containers[0]];
    if (ring.organisation) indicators.organisations = [this.renderOrganisation(ring.organisation)];
    this.emitRoute(
      country === 'AF' ? 'AF-CNPA' : 'PK-ANF',
      ring.id,
      ring.category,
      this.routeBody(
        ring.crossing,
        ring.commodities,
        ring.start - 10 * DAY,
        ring.start + (ring.spanDays + 20) * DAY,
        indicators,
      ),
      ring.start + r.int(0, ring.spanDays) * DAY,
    );
  }

  routeBody(
    crossing: string,
    commodities: readonly CommodityType[],
    from: number,
    to: number,
    indicators: Record<string, unknown>,
  ): Record<string, unknown> {
    const r = this.rnd;
    const origin = r.pick(AF_TOWNS);
    const destination = r.pick(PK_TOWNS);
    return {
      validFrom: timestamp(from),
      validTo: timestamp(to),
      ...(commodities.length > 0 ? { commodityTypes: [...commodities] } : {}),
      waypoints: [
        { seq: 0, role: 'ORIGIN', lat: origin[1], lon: origin[2], country: 'AF', placeName: origin[0] },
        {
          seq: 1,
          role: 'CROSSING',
          crossingPoint: crossing,
          country: crossing.includes('PORT') ? 'PK' : 'AF',
        },
        {
          seq: 2,
          role: 'DESTINATION',
          lat: destination[1],
          lon: destination[2],
          country: 'PK',
          placeName: destination[0],
        },
      ],
      ...(Object.keys(indicators).length > 0 ? { indicators } : {}),
      confidence: r.pick(['CONFIRMED', 'PROBABLE', 'POSSIBLE']),
    };
  }

  /** An unrelated seizure, often at a ring's crossing on a ring's day, with the usual confounders. */
  addNoiseSeizure(): void {
    const r = this.rnd;
    const country: Country = r.chance(0.5) ? 'AF' : 'PK';
    const agencyId = r.pick(AGENCIES[country]);
    const kind = r.weighted(RING_KINDS.map((k) => [k, k.weight] as const));
    let crossing = r.weighted(BORDER_CROSSINGS);
    let occurredAt = this.start + r.int(0, this.days * 24 - 1) * 3_600_000;
    let commodities = kind.commodities.slice(0, 1);
    if (this.recentRingSeizures.length > 0 && r.chance(0.3)) {
      // Same crossing, same day, often the same commodity as a ring seizure: a pure coincidence.
      const twin = r.pick(this.recentRingSeizures);
      crossing = twin.crossing;
      occurredAt = twin.at + r.int(-10, 10) * 3_600_000;
      if (twin.commodity && r.chance(0.7)) commodities = [twin.commodity];
    }
    const persons: Record<string, unknown>[] = [];
    for (
      let k = r.weighted([
        [0, 10],
        [1, 60],
        [2, 30],
      ] as const);
      k > 0;
      k--
    ) {
      const p = this.person(country);
      const rendered = this.renderPerson(
        p,
        r.pick(['DRIVER', 'SUSPECT', 'COURIER'] as const),
        country,
        'any',
      );
      if (this.rings.length > 0 && r.chance(0.06)) {
        // A namesake of a ring member, born on another day.
        const member = r.pick(r.pick(this.rings).persons);
        rendered.name = this.renderName(member);
        if (rendered.dateOfBirth === member.dob)
          rendered.dateOfBirth = p.dob === member.dob ? '1970-01-01' : p.dob;
      }
      if (r.chance(0.02))
        rendered.phones = [
          ...((rendered.phones as string[] | undefined) ?? []),
          this.renderPhone(r.pick(this.hubPhones), country),
        ];
      persons.push(rendered);
    }
    const conveyances: Record<string, unknown>[] = [];
    if (r.chance(0.7)) {
      const v = this.vehicle();
      conveyances.push({ kind: v.kind, ...this.renderPlate(v) });
    }
    if (this.rings.length > 0 && r.chance(0.03)) {
      // The same plate letters and digits as a ring vehicle, registered in the other country.
      const ringVehicles = r.pick(this.rings).vehicles;
      if (ringVehicles.length > 0) {
        const v = r.pick(ringVehicles);
        conveyances.push({
          kind: 'TRUCK',
          plate: `${v.code} ${v.digits}`,
          plateCountry: v.country === 'AF' ? 'PK' : 'AF',
        });
      }
    }
    if (r.chance(0.02)) conveyances.push({ kind: 'BUS', ...this.renderPlate(r.pick(this.hubPlates)) });
    if (r.chance(0.04)) conveyances.push({ kind: 'TRUCK', plate: r.pick(PLACEHOLDER_PLATES) });
    if (r.chance(0.08))
      conveyances.push({
        kind: 'CONTAINER',
        containerNumber: this.renderContainer(this.container(!r.chance(0.1))),
      });
    const body: Record<string, unknown> = {
      location: this.location(crossing, country),
      ...(commodities.length > 0 ? { commodities: this.commodities(commodities) } : {}),
      ...(conveyances.length > 0 ? { conveyances } : {}),
      ...(persons.length > 0 ? { persons } : {}),
      ...(r.chance(0.1) ? { organisations: [this.renderOrganisation(this.organisation())] } : {}),
    };
    this.emitSeizure(agencyId, null, kind.category, occurredAt, body);
  }

  /** An unrelated route: a busy crossing and a common commodity, with or without unrelated indicators. */
  addNoiseRoute(): void {
    const r = this.rnd;
    const country: Country = r.chance(0.5) ? 'AF' : 'PK';
    const kind = r.weighted(RING_KINDS.slice(0, 3).map((k) => [k, k.weight] as const));
    const from = this.start + r.int(0, this.days - 60) * DAY;
    const indicators: Record<string, unknown> = r.chance(0.5)
      ? { phones: [this.renderPhone(this.phone(country), country)] }
      : {};
    this.emitRoute(
      country === 'AF' ? 'AF-ABP' : 'PK-FIA',
      null,
      kind.category,
      this.routeBody(
        r.weighted(BORDER_CROSSINGS),
        kind.commodities,
        from,
        from + r.int(30, 120) * DAY,
        indicators,
      ),
      from + r.int(0, 20) * DAY,
    );
  }
}

const BORDER_CROSSINGS_COORDS: Readonly<Record<string, readonly [number, number]>> = {
  TORKHAM: [34.108, 71.096],
  CHAMAN_SPIN_BOLDAK: [30.95, 66.42],
  GHULAM_KHAN: [33.16, 70.13],
  ANGOOR_ADDA: [32.33, 69.44],
  KHARLACHI: [33.85, 70.05],
  KARACHI_PORT: [24.84, 66.98],
  PORT_QASIM: [24.78, 67.34],
};

function reportedAtOf(g: GeneratedReport): string {
  return g.report.reportedAt;
}

/**
 * Generates a seeded scenario of cross-border rings with ground truth: ring members, AF and
 * PK vehicles, ISO 6346 containers and phones reappearing across AF-CNPA/AF-ABP/AF-ACD and
 * PK-ANF/PK-FIA/PK-CUS cases, with noise (typos, transliterations, formats, Persian digits,
 * missing fields, placeholders) and confounders (unrelated seizures at the same crossing on
 * the same day, namesakes born on other days, the same plate in the other country, values
 * shared by very many cases), plus route reports on some rings. Same seed, same output.
 */
export function generateScenario(options: ScenarioOptions): Scenario {
  const rnd = new Prng(options.seed);
  const start = (options.start ?? new Date(Date.UTC(2025, 0, 1))).getTime();
  const builder = new ScenarioBuilder(rnd, start, options.days ?? 365);
  const ringBudget = Math.round(options.reports * (options.ringShare ?? 0.5));
  // Rings and noise are interleaved so noise can copy the crossings and days of rings.
  while (builder.reports.length < options.reports) {
    const wantRing = builder.ringReports < ringBudget && rnd.chance(0.5);
    if (wantRing) builder.addRing();
    else if (rnd.chance(0.01)) builder.addNoiseRoute();
    else builder.addNoiseSeizure();
  }
  const kept = builder.reports.slice(0, options.reports);
  const caseIds = new Set(kept.map((g) => g.agencyCaseId));
  const truth = new Map([...builder.truth].filter(([id]) => caseIds.has(id)));
  // Reporting order; a stable sort keeps amendments after the report they amend.
  const ordered = kept
    .map((g, i) => ({ g, i }))
    .sort((x, y) =>
      reportedAtOf(x.g) < reportedAtOf(y.g) ? -1 : reportedAtOf(x.g) > reportedAtOf(y.g) ? 1 : x.i - y.i,
    )
    .map(({ g }) => g);
  return { reports: ordered, truth, rings: new Set([...truth.values()].filter((v) => v !== null)).size };
}

/**
 * Unrelated seizures rich in identifiers (several persons with phones and documents, vehicles,
 * containers), for loading a large index before measuring throughput. Dated the year before
 * `start` so they never share a time window with a scenario.
 */
export function generateNoiseReports(
  seed: number,
  count: number,
  start: Date = new Date(Date.UTC(2024, 0, 1)),
): GeneratedReport[] {
  const rnd = new Prng(seed ^ 0x5eed);
  const builder = new ScenarioBuilder(rnd, start.getTime(), 365);
  const out: GeneratedReport[] = [];
  for (let i = 0; i < count; i++) {
    const country: Country = rnd.chance(0.5) ? 'AF' : 'PK';
    const agencyId = rnd.pick(AGENCIES[country]);
    const ref = `BULK-${seed}-${String(i).padStart(8, '0')}`;
    const persons = Array.from({ length: rnd.int(2, 4) }, () => {
      const p = builder.person(country);
      p.documents = [builder.document(country)];
      p.phones.push(builder.phone(country));
      return {
        role: 'SUSPECT',
        name: `${p.given} ${p.family}`,
        dateOfBirth: p.dob,
        documents: p.documents.map((d) => ({ type: d.type, number: d.value, issuingCountry: d.country })),
        phones: p.phones.map((ph) => `+${ph.country === 'PK' ? '92' : '93'}${ph.national}`),
      };
    });
    const vehicles = Array.from({ length: rnd.int(1, 2) }, () => builder.vehicle());
    const kind = rnd.weighted(RING_KINDS.slice(0, 7).map((k) => [k, k.weight] as const));
    const report = {
      eventId: rnd.uuid(),
      agencyId,
      agencyCaseRef: ref,
      reportedAt: timestamp(start.getTime() + rnd.int(0, 364) * DAY),
      classification: { tlp: 'AMBER' },
      category: kind.category,
      occurredAt: timestamp(start.getTime() + rnd.int(0, 364 * 24) * 3_600_000),
      location: { crossingPoint: rnd.weighted(BORDER_CROSSINGS), country },
      commodities: builder.commodities(kind.commodities.slice(0, 1)),
      conveyances: [
        ...vehicles.map((v) => ({ kind: v.kind, plate: `${v.code} ${v.digits}`, plateCountry: v.country })),
        { kind: 'CONTAINER', containerNumber: builder.container() },
      ],
      persons,
    };
    out.push({
      kind: 'seizure',
      report: report as unknown as SeizureReportDto,
      agencyCaseId: agencyCaseKey('seizure', agencyId, ref),
      ringId: null,
    });
  }
  return out;
}
