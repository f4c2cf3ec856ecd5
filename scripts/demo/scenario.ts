// The demo's scenario: what six agencies on both sides of the Afghanistan–Pakistan border report
// in one week, and which of their cases belong together (the ground truth the demo checks).
// Every run draws fresh identifiers (plates, phones, containers, passports, dates of birth) and
// fresh report ids and case references, so a re-run makes new cases instead of amending or
// joining the previous run's, and no value grows common enough to stop counting.
import { randomUUID } from 'node:crypto';
import type { RouteReportDto, SeizureReportDto } from '@app/contracts';
import { containerCheckDigit } from '@app/matching';
import { seededRandom as mulberry32 } from '@app/testing';

/** One report the demo publishes, with the story line it tells. */
export interface DemoReport {
  kind: 'seizure' | 'route';
  /** Which storyline it belongs to (a key of STORIES, or 'noise'). */
  story: StoryKey | 'noise';
  /** One line for the console: what the agency saw. */
  headline: string;
  /** How this report writes the identifiers the other side wrote differently. */
  writtenAs?: string;
  body: SeizureReportDto | RouteReportDto;
}

export type StoryKey = 'heroin' | 'precursor' | 'migrants';

/** The three storylines, and which agency cases each should link across the border. */
export const STORIES: Record<StoryKey, { title: string; agencies: string[] }> = {
  heroin: {
    title: 'Heroin ring through Torkham',
    agencies: ['AF-ABP', 'AF-CNPA', 'PK-ANF'],
  },
  precursor: {
    title: 'Acetic anhydride from Karachi port towards Nimroz',
    agencies: ['PK-CUS', 'AF-ACD'],
  },
  migrants: {
    title: 'Migrant-smuggling route Spin Boldak – Quetta – Taftan (protected persons)',
    agencies: ['AF-ABP', 'PK-FIA'],
  },
};

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** `4521` → `۴۵۲۱`: how an Afghan officer may type a plate number. */
export function persianDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]);
}

/** A container number with a valid ISO 6346 check digit. */
export function containerNumber(owner: string, serial: string): string {
  return `${owner}${serial}${containerCheckDigit(`${owner}${serial}`)}`;
}

/** The courier as the Afghan Border Police write him in Dari script, and as the Pakistani side romanises him (the matcher compares the two: docs/matching-names.md). */
const COURIER_NAMES: [string, string][] = [
  ['گل محمد خان', 'Khan, Gul Muhammad'],
  ['شیر احمد ظاهر', 'Shir Ahmed Zaheer'],
  ['نور رحمن یوسف', 'Nur Rehman Yusuf'],
  ['غلام حسین کریم', 'Gholam Hossain Kareem'],
];
const FINANCIER_NAMES: [string, string][] = [
  ['Haji Abdul Rahman', 'Abd-ul Rehman'],
  ['Mohammad Usman Qadir', 'Muhammad Osman Kadir'],
  ['Fazl Rasul Amin', 'Fazal Rasool Ameen'],
  ['Habib Ullah Jan', 'Habibullah Jaan'],
];
const MIGRANT_NAMES: [string, string][] = [
  ['Farid Ahmadi', 'Fareed Ahmadi'],
  ['Mohammad Nabi Hotak', 'Muhammad Nabi Hotak'],
  ['Zahir Shah Safi', 'Zaheer Shah Safi'],
  ['Ali Reza Hazara', 'Aly Reza Hazara'],
];
const VICTIM_NAMES = ['Shabnam', 'Mursal', 'Parwana', 'Zarmina', 'Laila'];
const SMUGGLER_NAMES: [string, string][] = [
  ['Abdul Qadir Baloch', 'Abdul Kader Baloch'],
  ['Umar Farooq Noorzai', 'Omar Farooq Nurzai'],
  ['Rahmat Ullah Achakzai', 'Rehmatullah Achakzai'],
];

export interface ScenarioOptions {
  /** Seeds the identifiers (random when absent). */
  seed: number;
  /** "Now" for the scenario's dates. */
  now: Date;
}

/** The values a run draws, shown by the demo so a reader can follow them across reports. */
export interface ScenarioValues {
  runTag: string;
  plateLetters: string;
  plateNumber: string;
  courierPhoneLocal: string;
  financierPhoneLocal: string;
  container: string;
  agentPhoneLocal: string;
  smugglerPhoneLocal: string;
  migrantPassport: string;
}

export interface Scenario {
  values: ScenarioValues;
  reports: DemoReport[];
}

/** Builds the run's reports. Pure: the same options give the same reports (except fresh eventIds). */
export function buildScenario(opts: ScenarioOptions): Scenario {
  const rnd = mulberry32(opts.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
  const day = 86400000;
  const at = (daysAgo: number, hour: number, tz: '+04:30' | '+05:00') => {
    const d = new Date(opts.now.getTime() - daysAgo * day);
    const offsetMin = tz === '+04:30' ? 270 : 300;
    const local = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, int(0, 59)));
    const utc = new Date(local.getTime() - offsetMin * 60000);
    // Never in the future (the contract allows 10 minutes of clock skew at most).
    const safe = utc.getTime() > opts.now.getTime() - 3600000 ? new Date(opts.now.getTime() - 3600000) : utc;
    const shifted = new Date(safe.getTime() + offsetMin * 60000);
    return `${shifted.toISOString().slice(0, 19)}${tz}`;
  };
  const dob = () =>
    `${int(1962, 1996)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const runTag = digits(4);
  const ref = (prefix: string, n: number) =>
    `${prefix}-${opts.now.getUTCFullYear()}-${runTag}${String(n).padStart(2, '0')}`;

  const plateLetters = pick(['KBL', 'JLB', 'NGR', 'LGR']);
  const plateNumber = String(int(1000, 9999));
  const courier = pick(COURIER_NAMES);
  const courierDob = dob();
  const courierPhoneLocal = `070 ${digits(3)} ${digits(4)}`;
  const courierPhoneE164 = `+93${courierPhoneLocal.replace(/\s/g, '').slice(1)}`;
  const financier = pick(FINANCIER_NAMES);
  const financierDob = dob();
  const financierPhoneLocal = `079 ${digits(3)} ${digits(4)}`;
  const financierPhoneIntl = `0093 ${financierPhoneLocal.replace(/\s/g, '').slice(1, 3)} ${financierPhoneLocal.replace(/\s/g, '').slice(3)}`;
  const container = containerNumber(pick(['MSCU', 'MAEU', 'CMAU', 'HLXU']), digits(6));
  const containerWritten = `${container.slice(0, 4).toLowerCase()} ${container.slice(4, 10)}-${container.slice(10)}`;
  const agentPhoneLocal = `0321 ${digits(7)}`;
  const agentPhoneE164 = `+92-${agentPhoneLocal.slice(1, 4)}-${agentPhoneLocal.slice(5)}`;
  const smuggler = pick(SMUGGLER_NAMES);
  const smugglerPhoneLocal = `0333 ${digits(7)}`;
  const smugglerPhoneAf = `0092 ${smugglerPhoneLocal.slice(1, 4)} ${smugglerPhoneLocal.slice(5)}`;
  const migrantPassport = `P0${digits(7)}`;
  const migrant = pick(MIGRANT_NAMES);
  const busPlate = `QTA ${int(1000, 9999)}`;
  const victimPassport = `P0${digits(7)}`;

  const reports: DemoReport[] = [];
  const seizure = (
    story: DemoReport['story'],
    headline: string,
    body: Omit<SeizureReportDto, 'eventId' | 'reportedAt'> & { reportedAt?: string },
    writtenAs?: string,
  ) =>
    reports.push({
      kind: 'seizure',
      story,
      headline,
      writtenAs,
      body: { eventId: randomUUID(), reportedAt: body.occurredAt, ...body },
    });
  const route = (
    story: DemoReport['story'],
    headline: string,
    body: Omit<RouteReportDto, 'eventId'>,
    writtenAs?: string,
  ) =>
    reports.push({
      kind: 'route',
      story,
      headline,
      writtenAs,
      body: { eventId: randomUUID(), ...body },
    });

  // 1. Heroin ring through Torkham ------------------------------------------------------------
  seizure(
    'heroin',
    'Afghan Border Police stop an outbound produce truck at Torkham: 61 kg heroin under melons',
    {
      agencyId: 'AF-ABP',
      agencyCaseRef: ref('ABP-TKM', 1),
      classification: { tlp: 'AMBER' },
      category: 'DRUGS',
      narrative: `Truck declared as fresh melons for Peshawar. K9 indication; 52 packets in a false front wall. Driver released on bail pending investigation.`,
      occurredAt: at(6, 5, '+04:30'),
      location: { crossingPoint: 'TORKHAM', country: 'AF', placeName: 'Torkham, Nangarhar' },
      commodities: [{ type: 'HEROIN', quantity: 61, unit: 'KG', description: '52 packets, brown powder' }],
      conveyances: [
        { kind: 'TRUCK', plate: `${plateLetters} ${persianDigits(plateNumber)}`, plateCountry: 'AF' },
      ],
      persons: [
        {
          role: 'DRIVER',
          name: courier[0],
          dateOfBirth: courierDob,
          nationality: 'AF',
          phones: [courierPhoneLocal],
        },
      ],
      route: { origin: 'AF', destination: 'PK' },
      concealment: 'false front wall of the cargo box',
    },
    `plate "${plateLetters} ${persianDigits(plateNumber)}" (Persian digits), phone "${courierPhoneLocal}" (Afghan local), driver "${courier[0]}" (Dari script)`,
  );
  seizure(
    'heroin',
    'Counter Narcotics Police raid a stash house in Jalalabad linked to the same ring',
    {
      agencyId: 'AF-CNPA',
      agencyCaseRef: ref('CNPA-JAA', 2),
      classification: { tlp: 'GREEN' },
      category: 'DRUGS',
      narrative: `Informant tip: stash house used by the ring's financier to load trucks for Torkham. Ledger names Peshawar buyers.`,
      occurredAt: at(4, 22, '+04:30'),
      location: { lat: 34.4265, lon: 70.4515, country: 'AF', placeName: 'Jalalabad, Nangarhar' },
      commodities: [
        { type: 'HEROIN', quantity: 18, unit: 'KG' },
        { type: 'CURRENCY', quantity: 240000, unit: 'UNITS', description: 'Pakistani rupees' },
      ],
      conveyances: [],
      persons: [
        {
          role: 'FACILITATOR',
          name: financier[0],
          dateOfBirth: financierDob,
          nationality: 'AF',
          phones: [financierPhoneLocal],
        },
        { role: 'WITNESS', name: 'Bibi Zarghuna', nationality: 'AF' },
      ],
    },
    `financier "${financier[0]}", phone "${financierPhoneLocal}"`,
  );
  seizure(
    'heroin',
    'Anti-Narcotics Force seize the same truck on the Peshawar ring road two days later',
    {
      agencyId: 'PK-ANF',
      agencyCaseRef: ref('ANF-PES', 3),
      classification: { tlp: 'AMBER' },
      category: 'DRUGS',
      narrative: 'Follow-up of a tip from the Khyber check post; truck re-entered with a new cargo of 44 kg.',
      occurredAt: at(4, 14, '+05:00'),
      location: { lat: 34.0151, lon: 71.5249, country: 'PK', placeName: 'Ring Road, Peshawar' },
      commodities: [{ type: 'HEROIN', quantity: 44, unit: 'KG' }],
      conveyances: [
        { kind: 'TRUCK', plate: `${plateLetters.toLowerCase()}-${plateNumber}`, plateCountry: 'AF' },
      ],
      persons: [
        {
          role: 'DRIVER',
          name: courier[1],
          dateOfBirth: courierDob,
          nationality: 'AF',
          phones: [
            `${courierPhoneE164.slice(0, 3)} ${courierPhoneE164.slice(3, 5)} ${courierPhoneE164.slice(5)}`,
          ],
        },
        {
          role: 'SUSPECT',
          name: financier[1],
          dateOfBirth: financierDob,
          nationality: 'AF',
          phones: [financierPhoneIntl],
        },
      ],
      route: { origin: 'AF', transit: ['PK'], destination: 'PK' },
    },
    `plate "${plateLetters.toLowerCase()}-${plateNumber}", phones "${courierPhoneE164.slice(0, 3)} ${courierPhoneE164.slice(3, 5)} ${courierPhoneE164.slice(5)}" (E.164) and "${financierPhoneIntl}", names "${courier[1]}", "${financier[1]}"`,
  );

  // 2. Acetic anhydride from Karachi port towards Nimroz ----------------------------------------
  seizure(
    'precursor',
    'Pakistan Customs find acetic anhydride declared as "industrial solvent" at Karachi port',
    {
      agencyId: 'PK-CUS',
      agencyCaseRef: ref('CUS-KHI', 4),
      classification: { tlp: 'GREEN' },
      category: 'PRECURSORS',
      narrative: 'Transit consignment to Afghanistan under the transit trade agreement; lab test positive.',
      occurredAt: at(5, 11, '+05:00'),
      location: {
        crossingPoint: 'KARACHI_PORT',
        country: 'PK',
        placeName: 'Karachi South Asia Port Terminal',
      },
      commodities: [{ type: 'ACETIC_ANHYDRIDE', quantity: 9600, unit: 'L', description: '48 drums' }],
      conveyances: [{ kind: 'CONTAINER', containerNumber: container }],
      persons: [
        { role: 'FACILITATOR', name: 'Imran Siddiqui', nationality: 'PK', phones: [agentPhoneLocal] },
      ],
      organisations: [{ name: 'Al-Noor Chemicals (Pvt) Ltd', country: 'PK' }],
      route: { origin: 'AE', transit: ['PK'], destination: 'AF' },
    },
    `container "${container}", clearing agent phone "${agentPhoneLocal}"`,
  );
  route(
    'precursor',
    'Afghan Customs flag the consignee’s route: Karachi – Chaman/Spin Boldak – Zaranj (Nimroz)',
    {
      agencyId: 'AF-ACD',
      routeRef: ref('ACD-NIM', 5),
      reportedAt: at(3, 9, '+04:30'),
      classification: { tlp: 'GREEN' },
      category: 'PRECURSORS',
      validFrom: at(30, 0, '+04:30'),
      validTo: new Date(opts.now.getTime() + 60 * day).toISOString(),
      commodityTypes: ['ACETIC_ANHYDRIDE'],
      waypoints: [
        { seq: 0, role: 'ORIGIN', crossingPoint: 'KARACHI_PORT', country: 'PK' },
        { seq: 1, role: 'CROSSING', crossingPoint: 'CHAMAN_SPIN_BOLDAK', country: 'AF' },
        {
          seq: 2,
          role: 'DESTINATION',
          lat: 30.9594,
          lon: 61.8601,
          country: 'AF',
          placeName: 'Zaranj, Nimroz',
        },
      ],
      indicators: {
        containers: [containerWritten],
        phones: [agentPhoneE164],
        organisations: [{ name: 'Al Noor Chemicals', country: 'PK' }],
      },
      confidence: 'PROBABLE',
      modusOperandi:
        'Precursor declared as solvent in transit containers, trans-shipped in Kandahar for Nimroz labs.',
    },
    `container "${containerWritten}", phone "${agentPhoneE164}"`,
  );

  // 3. Migrant smuggling with protected persons -------------------------------------------------
  route(
    'migrants',
    'Afghan Border Police report a smuggling network moving migrants through Spin Boldak',
    {
      agencyId: 'AF-ABP',
      routeRef: ref('ABP-SPB', 6),
      reportedAt: at(5, 16, '+04:30'),
      classification: { tlp: 'AMBER' },
      category: 'MIGRANT_SMUGGLING',
      validFrom: at(20, 0, '+04:30'),
      validTo: new Date(opts.now.getTime() + 30 * day).toISOString(),
      commodityTypes: [],
      waypoints: [
        { seq: 0, role: 'ORIGIN', lat: 31.6289, lon: 65.7372, country: 'AF', placeName: 'Kandahar' },
        { seq: 1, role: 'CROSSING', crossingPoint: 'CHAMAN_SPIN_BOLDAK', country: 'AF' },
        { seq: 2, role: 'TRANSIT', lat: 30.1798, lon: 66.975, country: 'PK', placeName: 'Quetta' },
        { seq: 3, role: 'DESTINATION', crossingPoint: 'TAFTAN_MIRJAVEH', country: 'PK' },
      ],
      indicators: {
        phones: [smugglerPhoneAf],
        persons: [
          { role: 'FACILITATOR', name: smuggler[0], nationality: 'PK', phones: [smugglerPhoneAf] },
          {
            role: 'SMUGGLED_MIGRANT',
            name: migrant[0],
            nationality: 'AF',
            documents: [{ type: 'PASSPORT', number: migrantPassport, issuingCountry: 'AF' }],
          },
        ],
      },
      confidence: 'CONFIRMED',
      modusOperandi:
        'Groups of 10-15 gathered in Kandahar, walked across at night, buses from Chaman to Taftan.',
    },
    `smuggler phone "${smugglerPhoneAf}", migrant passport "${migrantPassport}"`,
  );
  seizure(
    'migrants',
    'Federal Investigation Agency stop a bus near Quetta: 14 Afghan migrants, one a minor',
    {
      agencyId: 'PK-FIA',
      agencyCaseRef: ref('FIA-QTA', 7),
      classification: { tlp: 'AMBER' },
      category: 'MIGRANT_SMUGGLING',
      narrative: 'Bus stopped on the N-40; migrants paid USD 600 each for the journey to Iran.',
      occurredAt: at(2, 3, '+05:00'),
      location: { lat: 30.1798, lon: 66.975, country: 'PK', placeName: 'N-40 check post, Quetta' },
      commodities: [],
      conveyances: [{ kind: 'BUS', plate: busPlate, plateCountry: 'PK' }],
      persons: [
        { role: 'FACILITATOR', name: smuggler[1], nationality: 'PK', phones: [smugglerPhoneLocal] },
        {
          role: 'SMUGGLED_MIGRANT',
          name: migrant[1],
          nationality: 'AF',
          documents: [{ type: 'PASSPORT', number: migrantPassport, issuingCountry: 'AF' }],
        },
        {
          role: 'VICTIM',
          name: `${pick(VICTIM_NAMES)} (minor)`,
          nationality: 'AF',
          documents: [{ type: 'PASSPORT', number: victimPassport, issuingCountry: 'AF' }],
        },
      ],
      route: { origin: 'AF', transit: ['PK'], destination: 'IR' },
    },
    `smuggler phone "${smugglerPhoneLocal}" (Pakistani local), migrant passport "${migrantPassport}"`,
  );

  // 4. Unrelated cases (noise): same crossings, same days, similar plates, nothing shared --------
  seizure('noise', 'ANF: hashish in a passenger car at Torkham the same morning (unrelated)', {
    agencyId: 'PK-ANF',
    agencyCaseRef: ref('ANF-TKM', 8),
    classification: { tlp: 'GREEN' },
    category: 'DRUGS',
    occurredAt: at(6, 7, '+05:00'),
    location: { crossingPoint: 'TORKHAM', country: 'PK' },
    commodities: [{ type: 'HASHISH', quantity: 6.5, unit: 'KG' }],
    conveyances: [{ kind: 'CAR', plate: `PSH ${int(1000, 9999)}`, plateCountry: 'PK' }],
    persons: [{ role: 'SUSPECT', name: 'Rashid Mehmood', nationality: 'PK', phones: [`0345 ${digits(7)}`] }],
  });
  seizure('noise', 'ABP: diesel smuggled in a tanker at Torkham, plate one digit off (unrelated)', {
    agencyId: 'AF-ABP',
    agencyCaseRef: ref('ABP-TKM', 9),
    classification: { tlp: 'GREEN' },
    category: 'CONTRABAND',
    occurredAt: at(6, 9, '+04:30'),
    location: { crossingPoint: 'TORKHAM', country: 'AF' },
    commodities: [{ type: 'FUEL', quantity: 18000, unit: 'L' }],
    conveyances: [
      {
        kind: 'TRUCK',
        plate: `${plateLetters} ${persianDigits(String(((Number(plateNumber) + 1) % 9000) + 1000))}`,
        plateCountry: 'AF',
      },
    ],
    persons: [
      { role: 'DRIVER', name: 'Wali Jan', nationality: 'AF', phones: [`070 ${digits(3)} ${digits(4)}`] },
    ],
  });
  seizure('noise', 'Customs: cigarettes at Wagah (unrelated)', {
    agencyId: 'PK-CUS',
    agencyCaseRef: ref('CUS-WGH', 10),
    classification: { tlp: 'CLEAR' },
    category: 'CONTRABAND',
    occurredAt: at(3, 12, '+05:00'),
    location: { crossingPoint: 'WAGAH', country: 'PK' },
    commodities: [{ type: 'CIGARETTES', quantity: 120000, unit: 'UNITS' }],
    conveyances: [{ kind: 'TRUCK', plate: `LEA ${int(1000, 9999)}`, plateCountry: 'PK' }],
  });
  seizure('noise', 'CNPA: opium in Lashkar Gah (unrelated)', {
    agencyId: 'AF-CNPA',
    agencyCaseRef: ref('CNPA-HEL', 11),
    classification: { tlp: 'AMBER' },
    category: 'DRUGS',
    occurredAt: at(5, 18, '+04:30'),
    location: { lat: 31.593, lon: 64.371, country: 'AF', placeName: 'Lashkar Gah, Helmand' },
    commodities: [{ type: 'OPIUM', quantity: 230, unit: 'KG' }],
    persons: [{ role: 'SUSPECT', name: 'Nasir Ahmad', dateOfBirth: dob(), nationality: 'AF' }],
  });

  return {
    values: {
      runTag,
      plateLetters,
      plateNumber,
      courierPhoneLocal,
      financierPhoneLocal,
      container,
      agentPhoneLocal,
      smugglerPhoneLocal,
      migrantPassport,
    },
    reports,
  };
}

/** The agency case of a report, as the case API names it (`<agencyId>:<ref>`). */
export function caseRefOf(r: DemoReport): string {
  const b = r.body as { agencyCaseRef?: string; routeRef?: string };
  return b.agencyCaseRef ?? b.routeRef ?? '';
}
