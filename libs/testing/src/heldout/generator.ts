// Held-out scenario generator (docs/matching-names.md#held-out-evaluation). Written apart from
// libs/testing/src/synthetic and never used to tune the matcher: its own vocabulary, its own
// PRNG, its own spelling-variant and typo rules, Arabic-script names for a share of Afghan and
// Pakistani reports, missing dates of birth and names in reversed order.
import type { PersonDto, RouteReportDto, SeizureReportDto } from '@app/contracts';
import {
  HELDOUT_AGENCIES,
  HELDOUT_CROSSINGS,
  HELDOUT_FAMILY,
  HELDOUT_GIVEN,
  type HeldoutName,
} from './vocabulary';

/** What ties the agency cases of one held-out ring together. */
export type EvidenceKind = 'document' | 'name+dob' | 'phone+name' | 'phone+plate' | 'container' | 'route';

// Rings of seizures only, dealt in turn; route rings (a route report and the seizures on it)
// are made after everything else, so adding them left the other reports of a seed unchanged.
const SEIZURE_EVIDENCE_KINDS: readonly EvidenceKind[] = [
  'document',
  'name+dob',
  'phone+name',
  'phone+plate',
  'container',
];

export const EVIDENCE_KINDS: readonly EvidenceKind[] = [...SEIZURE_EVIDENCE_KINDS, 'route'];

/** One report of the held-out scenario with its ground truth. */
export interface HeldoutReport {
  kind: 'seizure' | 'route';
  report: SeizureReportDto | RouteReportDto;
  /** `<kind>:<agency>:<ref>`, the engine's agency case id. */
  caseId: string;
}

/** A held-out scenario: reports in arrival order, the ring of each agency case (null: unrelated), each ring's evidence kind. */
export interface HeldoutScenario {
  reports: HeldoutReport[];
  truth: Map<string, string | null>;
  ringKind: Map<string, EvidenceKind>;
}

/** Size of a held-out scenario. */
export interface HeldoutOptions {
  seed: number;
  rings: number;
  confounders: number;
  /** Route rings (default rings / 5): a route report and one or two seizures on it. */
  routeRings?: number;
  /** Share of Afghan and Pakistani reports whose names are written in Arabic script. */
  scriptShare?: number;
}

// sfc32, seeded through splitmix32: a PRNG of this module's own.
function sfc32(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = sfc32(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(this.int(0, 9));
    return out;
  }
}

// ---- spelling variants (rules of this generator, not the matcher's) ----------------------

const VARIANT_RULES: readonly [RegExp, string][] = [
  [/ee/g, 'i'],
  [/i(?=[^aeiou]|$)/g, 'ee'],
  [/oo/g, 'u'],
  [/u(?=[^aeiou])/g, 'oo'],
  [/ou/g, 'u'],
  [/u/g, 'o'],
  [/([bdfgklmnprstz])\1/g, '$1'],
  [/([aeiou])([kdtrl])([aeiou])/, '$1$2$2$3'],
  [/ai$/, 'ay'],
  [/i$/, 'y'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/aa/g, 'a'],
  [/a(?=[^aeiou][aeiou])/, 'e'],
  [/ullah$/, 'ulla'],
  [/ullah$/, ' Ullah'],
];

function spellingVariant(d: Dice, word: string): string {
  let out = word.toLowerCase();
  const rules = d.int(1, 2);
  for (let n = 0; n < rules; n++) {
    const [pattern, replacement] = d.pick(VARIANT_RULES);
    out = out.replace(pattern, replacement);
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'sq',
  e: 'wr',
  i: 'uo',
  o: 'ip',
  u: 'yi',
  n: 'bm',
  m: 'n',
  r: 'et',
  s: 'ad',
  d: 'sf',
  h: 'gj',
  l: 'k',
  k: 'jl',
  t: 'ry',
};

function typo(d: Dice, word: string): string {
  if (word.length < 5) return word;
  const i = d.int(1, word.length - 2);
  switch (d.int(0, 3)) {
    case 0: {
      const near = KEYBOARD_NEIGHBOURS[word[i].toLowerCase()];
      return near ? word.slice(0, i) + d.pick([...near]) + word.slice(i + 1) : word;
    }
    case 1:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 2:
      return word.slice(0, i) + word.slice(i + 1);
    default:
      return word.slice(0, i) + word[i] + word.slice(i);
  }
}

interface Person {
  given: HeldoutName;
  family: HeldoutName;
  dob: string;
  phone: string;
  document: { type: 'NATIONAL_ID' | 'PASSPORT'; number: string; country: 'AF' | 'PK' };
}

function writeName(d: Dice, p: Person, country: string, scriptShare: number): string {
  if ((country === 'AF' || country === 'PK') && d.chance(scriptShare)) {
    // Arabic script: as the record writes it, sometimes with a title or in reversed order.
    const title = d.chance(0.1) ? `${d.pick(['حاجی', 'ملا', 'الحاج'])} ` : '';
    return d.chance(0.1)
      ? `${title}${p.family.script} ${p.given.script}`
      : `${title}${p.given.script} ${p.family.script}`;
  }
  let given = d.chance(0.45) ? spellingVariant(d, p.given.latin) : p.given.latin;
  let family = d.chance(0.45) ? spellingVariant(d, p.family.latin) : p.family.latin;
  if (d.chance(0.1)) {
    if (d.chance(0.5)) given = typo(d, given);
    else family = typo(d, family);
  }
  const order = d.int(0, 9);
  let name =
    order === 0
      ? `${family.toUpperCase()}, ${given}`
      : order === 1
        ? `${family} ${given}`
        : `${given} ${family}`;
  if (d.chance(0.15)) name = name.toUpperCase();
  return name;
}

function phoneFormat(d: Dice, national: string, country: 'AF' | 'PK', agencyCountry: string): string {
  const cc = country === 'AF' ? '93' : '92';
  // A national format (leading 0) is how an agency writes a number of its own country; a
  // foreign number it writes internationally.
  const format = country === agencyCountry ? d.int(0, 3) : d.int(1, 2);
  switch (format) {
    case 0:
      return `0${national}`;
    case 1:
      return `+${cc} ${national.slice(0, 3)} ${national.slice(3)}`;
    case 2:
      return `00${cc}${national}`;
    default:
      return `0${national.slice(0, 3)}-${national.slice(3)}`;
  }
}

function checkDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const ch = body[i];
    let v: number;
    if (/\d/.test(ch)) v = Number(ch);
    else {
      v = 10;
      for (let c = 65; c < ch.charCodeAt(0); c++) {
        v++;
        if (v % 11 === 0) v++;
      }
    }
    sum += v * 2 ** i;
  }
  return (sum % 11) % 10;
}

const DAY = 86_400_000;

/**
 * Generates a held-out scenario: `rings` rings of two or three agency cases, each ring tied by
 * one kind of evidence, and `confounders` unrelated cases that look like them (namesakes born
 * on other days, relatives sharing a family name and a birth date, a shared phone used by a
 * different person, the same plate in another country).
 */
export function generateHeldoutScenario(options: HeldoutOptions): HeldoutScenario {
  const d = new Dice(options.seed * 7 + 13);
  const scriptShare = options.scriptShare ?? 0.35;
  const reports: HeldoutReport[] = [];
  const truth = new Map<string, string | null>();
  const ringKind = new Map<string, EvidenceKind>();
  const refs = new Map<string, number>();
  const start = Date.parse('2025-06-01T00:00:00Z');

  const person = (): Person => {
    const country = d.chance(0.5) ? 'AF' : 'PK';
    return {
      given: d.pick(HELDOUT_GIVEN),
      family: d.pick(HELDOUT_FAMILY),
      dob: `${d.int(1960, 2002)}-${String(d.int(1, 12)).padStart(2, '0')}-${String(d.int(1, 28)).padStart(2, '0')}`,
      phone: country === 'AF' ? `7${d.int(0, 9)}${d.digits(7)}` : `3${d.int(0, 4)}${d.digits(8)}`,
      document:
        country === 'PK'
          ? {
              type: 'NATIONAL_ID',
              number: `${d.int(1, 8)}${d.digits(4)}-${d.digits(7)}-${d.int(1, 9)}`,
              country,
            }
          : { type: 'PASSPORT', number: `P${d.digits(8)}`, country },
    };
  };

  const emit = (agencyId: string, ring: string | null, body: Partial<SeizureReportDto>, at: number): void => {
    const n = (refs.get(agencyId) ?? 0) + 1;
    refs.set(agencyId, n);
    const ref = `HO-${agencyId.slice(3)}-${String(n).padStart(5, '0')}`;
    const caseId = `seizure:${agencyId}:${ref}`;
    truth.set(caseId, ring);
    const report = {
      eventId: `00000000-0000-4000-8000-${String(reports.length).padStart(12, '0')}`,
      agencyId,
      agencyCaseRef: ref,
      reportedAt: new Date(at + 6 * 3_600_000).toISOString(),
      classification: { tlp: 'AMBER' },
      category: 'DRUGS',
      occurredAt: new Date(at).toISOString(),
      location: { crossingPoint: d.pick(HELDOUT_CROSSINGS), country: agencyId.slice(0, 2) },
      commodities: [
        {
          type: d.pick(['HEROIN', 'HASHISH', 'METHAMPHETAMINE', 'OPIUM']),
          quantity: d.int(1, 90),
          unit: 'KG',
        },
      ],
      ...body,
    } as unknown as SeizureReportDto;
    reports.push({ kind: 'seizure', report, caseId });
  };

  const writePerson = (
    p: Person,
    agencyId: string,
    parts: { dob: boolean; phone: boolean; document: boolean },
  ): PersonDto => {
    const country = agencyId.slice(0, 2) as 'AF' | 'PK';
    const out: PersonDto = {
      role: d.pick(['DRIVER', 'COURIER', 'SUSPECT'] as const),
      name: writeName(d, p, country, scriptShare),
    };
    if (parts.dob) out.dateOfBirth = p.dob;
    if (parts.phone) out.phones = [phoneFormat(d, p.phone, p.phone.startsWith('7') ? 'AF' : 'PK', country)];
    if (parts.document) {
      out.documents = [
        { type: p.document.type, number: p.document.number, issuingCountry: p.document.country },
      ];
    }
    return out;
  };

  const rings: { id: string; kind: EvidenceKind; person: Person; plate: string; container: string }[] = [];
  for (let r = 0; r < options.rings; r++) {
    const kind = SEIZURE_EVIDENCE_KINDS[r % SEIZURE_EVIDENCE_KINDS.length];
    const id = `ring-${r}`;
    const owner = `${d.pick(['MSK', 'CMA', 'HLX', 'TGH', 'OOL'])}U`;
    const body = `${owner}${d.digits(6)}`;
    rings.push({
      id,
      kind,
      person: person(),
      plate: `${d.pick(['KBL', 'KDR', 'NGR', 'LEA', 'PSH', 'QTA'])}-${d.int(1000, 9999)}`,
      container: `${body}${checkDigit(body)}`,
    });
    ringKind.set(id, kind);
  }

  for (const ring of rings) {
    const cases = d.chance(0.3) ? 3 : 2;
    const agencies = [...HELDOUT_AGENCIES];
    for (let i = agencies.length - 1; i > 0; i--) {
      const j = d.int(0, i);
      [agencies[i], agencies[j]] = [agencies[j], agencies[i]];
    }
    for (let c = 0; c < cases; c++) {
      const agencyId = agencies[c % agencies.length];
      const at = start + d.int(0, 330) * DAY + d.int(0, 23) * 3_600_000;
      const p = ring.person;
      const missingDob = d.chance(0.25);
      let body: Partial<SeizureReportDto>;
      switch (ring.kind) {
        case 'document':
          body = { persons: [writePerson(p, agencyId, { dob: !missingDob, phone: false, document: true })] };
          break;
        case 'name+dob':
          body = { persons: [writePerson(p, agencyId, { dob: true, phone: false, document: false })] };
          break;
        case 'phone+name':
          body = {
            persons: [
              writePerson(p, agencyId, { dob: !missingDob && d.chance(0.5), phone: true, document: false }),
            ],
          };
          break;
        case 'phone+plate':
          body = {
            persons: [writePerson(p, agencyId, { dob: false, phone: true, document: false })],
            conveyances: [
              {
                kind: 'TRUCK',
                plate: d.chance(0.5) ? ring.plate : ring.plate.replace('-', ' ').toLowerCase(),
                plateCountry: ring.plate.startsWith('K') || ring.plate.startsWith('N') ? 'AF' : 'PK',
              },
            ],
          };
          break;
        case 'container':
          body = {
            conveyances: [
              {
                kind: 'CONTAINER',
                containerNumber: d.chance(0.5)
                  ? ring.container
                  : `${ring.container.slice(0, 4)} ${ring.container.slice(4, 10)}-${ring.container.slice(10)}`,
              },
            ],
          };
          break;
        default:
          throw new Error(`rings of ${ring.kind} are made apart`);
      }
      emit(agencyId, ring.id, body, at);
    }
  }

  for (let n = 0; n < options.confounders; n++) {
    const agencyId = d.pick(HELDOUT_AGENCIES);
    const at = start + d.int(0, 330) * DAY;
    const like = d.pick(rings).person;
    const other = person();
    let p: Person;
    let parts = { dob: true, phone: false, document: false };
    switch (d.int(0, 4)) {
      case 0:
        // A namesake born on another day.
        p = { ...other, given: like.given, family: like.family };
        break;
      case 1:
        // A relative: same family name and birth date, another given name.
        p = {
          ...other,
          family: like.family,
          dob: like.dob,
          given: d.pick(HELDOUT_GIVEN.filter((g) => g !== like.given)),
        };
        break;
      case 2:
        // A shared phone (a shop, a hawala dealer) used by a clearly different person.
        p = { ...other, phone: like.phone };
        parts = { dob: d.chance(0.5), phone: true, document: false };
        break;
      default:
        p = other;
        parts = { dob: d.chance(0.7), phone: d.chance(0.5), document: d.chance(0.3) };
    }
    emit(agencyId, null, { persons: [writePerson(p, agencyId, parts)] }, at);
  }

  // Route rings: one agency reports a route (a crossing, a period, a commodity and one
  // identifier of the courier: his phone or the truck's plate); one or two other agencies
  // seize on it, at that crossing within the period, with that identifier. Beside each, a
  // seizure at the same crossing, in the period, of the same commodity, without it: a
  // coincidence the route must not take in.
  for (let r = 0; r < (options.routeRings ?? Math.round(options.rings / 5)); r++) {
    const id = `route-ring-${r}`;
    ringKind.set(id, 'route');
    const courier = person();
    const crossing = d.pick(HELDOUT_CROSSINGS);
    const commodity = d.pick(['HEROIN', 'HASHISH', 'METHAMPHETAMINE', 'OPIUM'] as const);
    const plate = `${d.pick(['KBL', 'KDR', 'NGR', 'LEA', 'PSH', 'QTA'])}-${d.int(1000, 9999)}`;
    const plateCountry = plate.startsWith('K') || plate.startsWith('N') ? 'AF' : 'PK';
    const byPhone = d.chance(0.5);
    const from = start + d.int(0, 270) * DAY;
    const to = from + d.int(20, 60) * DAY;
    const routeAgency = d.pick(HELDOUT_AGENCIES);
    const country = routeAgency.slice(0, 2) as 'AF' | 'PK';
    const n = (refs.get(routeAgency) ?? 0) + 1;
    refs.set(routeAgency, n);
    const routeRef = `HR-${routeAgency.slice(3)}-${String(n).padStart(5, '0')}`;
    const courierCountry = courier.phone.startsWith('7') ? 'AF' : 'PK';
    truth.set(`route:${routeAgency}:${routeRef}`, id);
    reports.push({
      kind: 'route',
      caseId: `route:${routeAgency}:${routeRef}`,
      report: {
        eventId: `00000000-0000-4000-9000-${String(reports.length).padStart(12, '0')}`,
        agencyId: routeAgency,
        routeRef,
        reportedAt: new Date(from - DAY).toISOString(),
        classification: { tlp: 'AMBER' },
        category: 'DRUGS',
        validFrom: new Date(from).toISOString(),
        validTo: new Date(to).toISOString(),
        commodityTypes: [commodity],
        waypoints: [
          {
            seq: 0,
            role: 'ORIGIN',
            placeName: d.pick(['Jalalabad', 'Kandahar', 'Lashkar Gah']),
            country: 'AF',
          },
          { seq: 1, role: 'CROSSING', crossingPoint: crossing, country },
          {
            seq: 2,
            role: 'DESTINATION',
            placeName: d.pick(['Peshawar', 'Quetta', 'Karachi']),
            country: 'PK',
          },
        ],
        indicators: byPhone
          ? { phones: [phoneFormat(d, courier.phone, courierCountry, country)] }
          : { plates: [{ plate, plateCountry }] },
        confidence: d.pick(['CONFIRMED', 'PROBABLE', 'POSSIBLE']),
      } as unknown as RouteReportDto,
    });
    const seizures = d.chance(0.3) ? 2 : 1;
    for (let k = 0; k < seizures; k++) {
      const agencyId = d.pick(HELDOUT_AGENCIES.filter((a) => a !== routeAgency));
      const at = from + d.int(1, Math.floor((to - from) / DAY) - 1) * DAY;
      const onIt = {
        location: { crossingPoint: crossing, country: agencyId.slice(0, 2) },
        commodities: [{ type: commodity, quantity: d.int(1, 90), unit: 'KG' as const }],
      };
      emit(
        agencyId,
        id,
        byPhone
          ? {
              ...onIt,
              persons: [writePerson(courier, agencyId, { dob: false, phone: true, document: false })],
            }
          : {
              ...onIt,
              conveyances: [{ kind: 'TRUCK', plate: plate.replace('-', ' '), plateCountry }],
            },
        at,
      );
      const bystander = d.pick(HELDOUT_AGENCIES);
      emit(
        bystander,
        null,
        {
          ...onIt,
          location: { crossingPoint: crossing, country: bystander.slice(0, 2) },
          persons: [writePerson(person(), bystander, { dob: d.chance(0.5), phone: true, document: false })],
        },
        at + d.int(-48, 48) * 3_600_000,
      );
    }
  }

  // Arrival in time order, as agencies file them.
  reports.sort((x, y) => Date.parse(x.report.reportedAt) - Date.parse(y.report.reportedAt));
  return { reports, truth, ringKind };
}
