import { comparePersonNames, haversineKm } from '../normalise';
import type { CaseProfile } from './agency-case';
import type { CandidateSource } from './blocking';
import type { Feature, FeatureType } from './features';

/**
 * The `feature` of a reason (docs/contract.md#http-apis): what kind of agreement it records, the
 * feature's type but for places and times, which agree as SAME_CROSSING_TIME_WINDOW.
 */
export type ReasonFeature = Exclude<FeatureType, 'PLACE_TIME'> | 'SAME_CROSSING_TIME_WINDOW';

/** One agreement between two agency cases, in words a liaison officer can check. */
export interface Reason {
  feature: ReasonFeature;
  /** Log-likelihood weight in bits (after any frequency discount). */
  weight: number;
  detail: string;
  /** A VICTIM's or SMUGGLED_MIGRANT's identifier: the detail names no value; never disclose. */
  protected?: boolean;
  /** The agreement is real but too weak to carry a link (bare plate, plate without country). */
  weak?: boolean;
  /** JSON paths of the agreeing values in the two cases' reports (a's, then b's). */
  sources: [string, string];
}

/** A value shared by both cases that did not count: too common, or a placeholder. */
export interface CappedValue {
  feature: FeatureType;
  display: string;
  /** The value's frequency when compared (docs/matching.md#frequency-cap). */
  frequency: number;
  placeholder?: boolean;
  /** The value belongs to a protected person (victim, smuggled migrant) in either case: never shown to another agency. */
  protected?: true;
}

/** The outcome of comparing two agency cases. */
export interface Comparison {
  /** Posterior match probability in [0, 1]: logistic of the summed weights plus the prior. */
  score: number;
  /** Sum of reason weights (bits). */
  totalWeight: number;
  reasons: Reason[];
  /** Whether a link is made (strong enough, or a weak route-waypoint link). */
  link: boolean;
  /** The two agency cases belong to agencies of different countries. */
  crossBorder: boolean;
  /** A link made only by a route waypoint, without an indicator: the policy may not alert. */
  weak: boolean;
  capped: CappedValue[];
}

/** Log-likelihood weights (bits) of each kind of agreement (docs/matching.md#scoring). */
export interface MatchWeights {
  CONTAINER: number;
  CONTAINER_INVALID: number;
  DOCUMENT: number;
  DOCUMENT_PARTIAL: number;
  VIN: number;
  VESSEL_IMO: number;
  PHONE: number;
  PLATE: number;
  PLATE_WEAK: number;
  NAME: number;
  NAME_FUZZY: number;
  /** Taken off a shared phone whose holders' names clearly differ (docs/matching-names.md#evidence). */
  NAME_CONFLICT: number;
  DATE_OF_BIRTH: number;
  ORGANISATION: number;
  SAME_CROSSING_TIME_WINDOW: number;
  COMMODITY: number;
  ROUTE_WAYPOINT: number;
}

/** Tunable numbers of the correlation engine. */
export interface MatchConfig {
  weights: MatchWeights;
  /** Prior log-odds (bits) that two blocked agency cases are the same activity. */
  priorLogOdds: number;
  /** Score at or above which a link is made. */
  threshold: number;
  /** nameSimilarity at or above which two names agree at all. */
  nameThreshold: number;
  /** nameSimilarity at or above which two names agree fully (else NAME_FUZZY). */
  nameStrongThreshold: number;
  /** Below this nameSimilarity, the holders of one phone are clearly different persons. */
  nameConflictThreshold: number;
  /** Two places within this distance are the same area (km). */
  placeRadiusKm: number;
  /** Two seizures in the same area within this many hours agree on SAME_CROSSING_TIME_WINDOW. */
  placeTimeWindowHours: number;
  /**
   * A value whose frequency (agencyShare) passes this stops counting (and blocking). Each agency
   * adds at most its share, so one agency cannot push another's value over it.
   */
  maxValueFrequency: number;
  /** Values of frequency up to this keep their full weight; above, −log2(f / this). */
  frequencyFreeCount: number;
  /** Each further agreement of a kind already counted is multiplied by this. */
  repeatFactor: number;
  /** Make weak links (a route waypoint without an indicator identifier) at all. */
  weakLinks: boolean;
  /** Weak links join clusters. */
  clusterWeakLinks: boolean;
}

/** How many of one agency's cases holding a value count towards its frequency (docs/matching.md#frequency-cap). */
export function agencyShare(config: Pick<MatchConfig, 'frequencyFreeCount' | 'maxValueFrequency'>): number {
  return Math.max(1, Math.min(config.frequencyFreeCount, config.maxValueFrequency - 2));
}

/**
 * Default weights, in bits; what each agreement alone gives, why, and the anchors a link also
 * needs: docs/matching.md#scoring (tuned on seeds 1–3 of the synthetic generator).
 */
export const DEFAULT_MATCH_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  CONTAINER: 16,
  CONTAINER_INVALID: 11,
  DOCUMENT: 16,
  DOCUMENT_PARTIAL: 12,
  VIN: 16,
  VESSEL_IMO: 16,
  PHONE: 12,
  PLATE: 12,
  PLATE_WEAK: 4,
  NAME: 6,
  NAME_FUZZY: 5,
  NAME_CONFLICT: 5,
  DATE_OF_BIRTH: 8,
  ORGANISATION: 5,
  SAME_CROSSING_TIME_WINDOW: 3,
  COMMODITY: 1.5,
  ROUTE_WAYPOINT: 9,
});

/** Default configuration of the correlation engine. */
export const DEFAULT_MATCH_CONFIG: Readonly<MatchConfig> = Object.freeze({
  weights: DEFAULT_MATCH_WEIGHTS,
  priorLogOdds: -10,
  threshold: 0.9,
  nameThreshold: 0.86,
  nameStrongThreshold: 0.93,
  nameConflictThreshold: 0.7,
  placeRadiusKm: 25,
  placeTimeWindowHours: 48,
  maxValueFrequency: 50,
  frequencyFreeCount: 8,
  repeatFactor: 0.5,
  weakLinks: true,
  clusterWeakLinks: false,
});

/** A full MatchConfig from defaults and overrides (weights merged key by key). */
export function matchConfig(
  overrides: Partial<Omit<MatchConfig, 'weights'>> & { weights?: Partial<MatchWeights> } = {},
): MatchConfig {
  return {
    ...DEFAULT_MATCH_CONFIG,
    ...overrides,
    weights: { ...DEFAULT_MATCH_WEIGHTS, ...overrides.weights },
  };
}

/** Maps a sum of weights (bits) to a score in [0, 1]: the logistic in base 2 with the prior. */
export function scoreOf(
  totalWeight: number,
  config: Pick<MatchConfig, 'priorLogOdds'> = DEFAULT_MATCH_CONFIG,
): number {
  return 1 / (1 + 2 ** -(totalWeight + config.priorLogOdds));
}

type FrequencyOf = (key: string) => number;

// Anchors of docs/matching.md: what may carry a link alone, and what may with one more agreement.
type Strength = 'strong' | 'medium' | 'support' | 'weak';

interface Agreement {
  feature: ReasonFeature;
  weight: number;
  strength: Strength;
  detail: string;
  protected: boolean;
  sources: [string, string];
  indicatorIdentifier: boolean;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function roleLabel(f: Feature): string {
  return f.personRole ?? 'person';
}

function maskedDetail(label: string, a: Feature, b: Feature): string | undefined {
  const p = a.protected ? a : b.protected ? b : undefined;
  return p ? `${label} of a protected person (${roleLabel(p)})` : undefined;
}

function identifierAgreementOf(
  a: Feature,
  b: Feature,
  feature: ReasonFeature,
  weight: number,
  strength: Strength,
  detail: string,
  indicatorIdentifier = true,
): Agreement {
  return {
    feature,
    weight,
    strength,
    detail,
    protected: a.protected || b.protected,
    sources: [a.source, b.source],
    indicatorIdentifier,
  };
}

// Best agreement between two features holding the same identifier value, or none.
function identifierAgreement(a: Feature, b: Feature, w: MatchWeights): Agreement | undefined {
  switch (a.type) {
    case 'PLATE': {
      if (a.country && b.country && a.country !== b.country) return undefined;
      const weak = a.weak || b.weak;
      const country = a.country ?? b.country;
      const qualifier = weak
        ? a.country && b.country
          ? ' (bare number: weak)'
          : ' (plate country missing on one side: weak)'
        : '';
      return identifierAgreementOf(
        a,
        b,
        'PLATE',
        weak ? w.PLATE_WEAK : w.PLATE,
        weak ? 'weak' : 'medium',
        `plate ${a.value}${country ? ` (${country})` : ''}${qualifier}`,
        !weak,
      );
    }
    case 'CONTAINER': {
      const valid = a.checkDigitValid === true && b.checkDigitValid === true;
      return identifierAgreementOf(
        a,
        b,
        'CONTAINER',
        valid ? w.CONTAINER : w.CONTAINER_INVALID,
        valid ? 'strong' : 'medium',
        `container ${a.value}${valid ? '' : ' (check digit invalid: less weight)'}`,
      );
    }
    case 'PHONE':
      return identifierAgreementOf(
        a,
        b,
        'PHONE',
        w.PHONE,
        'medium',
        maskedDetail('phone', a, b) ?? `phone ${a.value}`,
      );
    case 'DOCUMENT': {
      if (a.country && b.country && a.country !== b.country) return undefined;
      const full = a.country !== undefined && b.country !== undefined;
      const label = `${a.documentType} ${a.value}${(a.country ?? b.country) ? ` (${a.country ?? b.country})` : ''}`;
      return identifierAgreementOf(
        a,
        b,
        'DOCUMENT',
        full ? w.DOCUMENT : w.DOCUMENT_PARTIAL,
        full ? 'strong' : 'medium',
        maskedDetail(`${a.documentType} document`, a, b) ??
          `${label}${full ? '' : ' (issuing country on one side only)'}`,
      );
    }
    case 'VIN':
      return identifierAgreementOf(a, b, 'VIN', w.VIN, 'strong', `VIN ${a.value}`);
    case 'VESSEL_IMO':
      return identifierAgreementOf(a, b, 'VESSEL_IMO', w.VESSEL_IMO, 'strong', `vessel IMO ${a.value}`);
    default:
      return undefined;
  }
}

function bestAgreement(
  as: readonly Feature[],
  bs: readonly Feature[],
  w: MatchWeights,
): Agreement | undefined {
  let best: Agreement | undefined;
  for (const a of as) {
    for (const b of bs) {
      const agreement = identifierAgreement(a, b, w);
      if (agreement && (!best || agreement.weight > best.weight)) best = agreement;
    }
  }
  return best;
}

function compareIdentifiers(
  a: CaseProfile,
  b: CaseProfile,
  frequency: FrequencyOf,
  config: MatchConfig,
  out: Agreement[],
  capped: CappedValue[],
): void {
  const [small, large, swapped] = a.identifiers.size <= b.identifiers.size ? [a, b, false] : [b, a, true];
  for (const [key, smallFeatures] of small.identifiers) {
    const largeFeatures = large.identifiers.get(key);
    if (!largeFeatures) continue;
    const [fa, fb] = swapped ? [largeFeatures, smallFeatures] : [smallFeatures, largeFeatures];
    const first = fa[0];
    if (first.placeholder) {
      capped.push({
        feature: first.type,
        display: first.display,
        frequency: frequency(key),
        placeholder: true,
      });
      continue;
    }
    const agreement = bestAgreement(fa, fb, config.weights);
    if (!agreement) continue;
    const f = frequency(key);
    if (f > config.maxValueFrequency) {
      capped.push({
        feature: first.type,
        display: first.display,
        frequency: f,
        ...(fa.some((x) => x.protected) || fb.some((x) => x.protected) ? { protected: true as const } : {}),
      });
      continue;
    }
    if (f > config.frequencyFreeCount) {
      agreement.weight -= Math.log2(f / config.frequencyFreeCount);
      agreement.detail += ` (frequency ${f})`;
    }
    out.push(agreement);
  }
}

function compareNames(a: CaseProfile, b: CaseProfile, config: MatchConfig, out: Agreement[]): void {
  if (a.names.length === 0 || b.names.length === 0) return;
  const w = config.weights;
  const pairs: { i: number; j: number; sim: number }[] = [];
  a.names.forEach((na, i) => {
    b.names.forEach((nb, j) => {
      // Two dates of birth that differ make two people, however alike the names.
      if (na.dateOfBirth && nb.dateOfBirth && na.dateOfBirth !== nb.dateOfBirth) return;
      // Names this alike pair most tokens with Jaro-Winkler ≥ 0.85, which share initials: names
      // with no initial in common (and no non-Latin token) are not worth the full measure.
      const ia = a.nameInitials[i];
      const ib = b.nameInitials[j];
      if ((ia & ib) === 0 && ((ia | ib) & (1 << 26)) === 0) return;
      // Equal keys are not enough for 1: a key is a consonant skeleton (docs/matching-names.md).
      const sim = comparePersonNames(na.name!, nb.name!, { explain: false }).similarity;
      if (sim >= config.nameThreshold) pairs.push({ i, j, sim });
    });
  });
  pairs.sort((p, q) => q.sim - p.sim || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  for (const { i, j, sim } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    const na = a.names[i];
    const nb = b.names[j];
    // What made the two names compatible, worked out only for the pairs that count.
    const because = comparePersonNames(na.name!, nb.name!).because;
    const strong = sim >= config.nameStrongThreshold;
    const sameDob = na.dateOfBirth !== undefined && na.dateOfBirth === nb.dateOfBirth;
    const names =
      na.name!.display === nb.name!.display ? na.name!.display : `${na.name!.display} ~ ${nb.name!.display}`;
    const similarity = sim === 1 ? '' : ` (similarity ${sim.toFixed(2)})`;
    const nameWeight = strong ? w.NAME : w.NAME_FUZZY;
    out.push({
      feature: sameDob ? 'PERSON_NAME_DOB' : 'PERSON_NAME',
      weight: nameWeight + (sameDob ? w.DATE_OF_BIRTH : 0),
      strength: sameDob ? (strong ? 'strong' : 'medium') : 'support',
      detail:
        maskedDetail(sameDob ? 'name and date of birth' : 'name', na, nb) ??
        `name ${names}${similarity}${sameDob ? `, both born ${na.dateOfBirth}` : ''}${because ? ` (${because})` : ''}`,
      protected: na.protected || nb.protected,
      sources: [na.source, nb.source],
      indicatorIdentifier: true,
    });
  }
}

// The name features of the person an identifier belongs to (`persons[0].phones[1]` →
// `persons[0].name`), in any report of the agency case.
function holderNames(profile: CaseProfile, source: string): Feature[] {
  const cut = source.lastIndexOf('.');
  if (cut < 0) return [];
  const nameSource = `${source.slice(0, cut)}.name`;
  // An initial or a one-letter note says too little to call its holder a different person.
  return profile.names.filter((n) => n.source === nameSource && n.name!.tokens.some((t) => t.length >= 3));
}

/**
 * A phone both cases carry, held on each side by a named person, where the names clearly
 * differ (best similarity below nameConflictThreshold): a shop's or a dealer's number, a
 * reused SIM. It loses NAME_CONFLICT bits and cannot carry a link (a shared phone with a
 * clearly different person stays weak; docs/matching-names.md#evidence).
 */
function markPhoneHolderConflicts(
  a: CaseProfile,
  b: CaseProfile,
  config: MatchConfig,
  agreements: Agreement[],
): void {
  for (const agreement of agreements) {
    if (agreement.feature !== 'PHONE') continue;
    const na = holderNames(a, agreement.sources[0]);
    const nb = holderNames(b, agreement.sources[1]);
    if (na.length === 0 || nb.length === 0) continue;
    let best = 0;
    for (const x of na)
      for (const y of nb) best = Math.max(best, comparePersonNames(x.name!, y.name!).similarity);
    if (best >= config.nameConflictThreshold) continue;
    agreement.weight -= config.weights.NAME_CONFLICT;
    agreement.strength = 'weak';
    const holders =
      agreement.protected || na[0].protected || nb[0].protected
        ? 'different persons'
        : `different persons: ${na[0].name!.display} / ${nb[0].name!.display}`;
    agreement.detail += ` (held by ${holders})`;
  }
}

function compareOrganisations(a: CaseProfile, b: CaseProfile, config: MatchConfig, out: Agreement[]): void {
  for (const [key, fa] of a.organisations) {
    const fb = b.organisations.get(key);
    if (!fb) continue;
    out.push({
      feature: 'ORGANISATION',
      weight: config.weights.ORGANISATION,
      strength: 'support',
      detail: `organisation ${fa.value}`,
      protected: false,
      sources: [fa.source, fb.source],
      indicatorIdentifier: true,
    });
  }
}

function comparePlaceTime(a: CaseProfile, b: CaseProfile, config: MatchConfig, out: Agreement[]): void {
  const windowMs = config.placeTimeWindowHours * 3_600_000;
  for (const pa of a.places) {
    for (const pb of b.places) {
      if (Math.abs(pa.at! - pb.at!) > windowMs) continue;
      const km = haversineKm(pa.place!, pb.place!);
      if (km > config.placeRadiusKm) continue;
      const where =
        pa.place!.code && pa.place!.code === pb.place!.code ? pa.place!.code : `${km.toFixed(1)} km apart`;
      const hours = Math.abs(pa.at! - pb.at!) / 3_600_000;
      out.push({
        feature: 'SAME_CROSSING_TIME_WINDOW',
        weight: config.weights.SAME_CROSSING_TIME_WINDOW,
        strength: 'support',
        detail: `same area (${where}) within ${hours.toFixed(1)} h`,
        protected: false,
        sources: [pa.source, pb.source],
        indicatorIdentifier: false,
      });
      return;
    }
  }
}

function compareCommodities(a: CaseProfile, b: CaseProfile, config: MatchConfig, out: Agreement[]): void {
  const shared = [...a.commodities].filter((c) => b.commodities.has(c)).sort();
  if (shared.length === 0) return;
  out.push({
    feature: 'COMMODITY',
    weight: config.weights.COMMODITY,
    strength: 'support',
    detail: `same commodity type (${shared.join(', ')})`,
    protected: false,
    sources: ['commodities', 'commodities'],
    indicatorIdentifier: false,
  });
}

// A seizure within the radius of a route waypoint, inside the route's validity, carrying a
// commodity type the route names.
function compareWaypoints(
  seizure: CaseProfile,
  route: CaseProfile,
  config: MatchConfig,
  seizureIsA: boolean,
  out: Agreement[],
): void {
  for (const place of seizure.places) {
    for (const wp of route.waypoints) {
      if (place.at! < wp.from! || place.at! > wp.to!) continue;
      const commodity = wp.commodities!.find((c) => seizure.commodities.has(c));
      if (commodity === undefined) continue;
      const km = haversineKm(place.place!, wp.place!);
      if (km > config.placeRadiusKm) continue;
      out.push({
        feature: 'ROUTE_WAYPOINT',
        weight: config.weights.ROUTE_WAYPOINT,
        strength: 'support',
        detail: `seizure of ${commodity} ${km.toFixed(1)} km from ${wp.display}`,
        protected: false,
        sources: seizureIsA ? [place.source, wp.source] : [wp.source, place.source],
        indicatorIdentifier: false,
      });
      return;
    }
  }
}

const EMPTY_FREQUENCY: FrequencyOf = () => 1;

/**
 * Compares two agency cases (each the merged features of all its reports): every agreement
 * becomes a reason with a weight in bits, the weights sum into a score through a logistic, and
 * a link is made at or above the threshold when the anchor rules hold (docs/matching.md#anchors).
 * Reports of one agency case never link; links inside one country are not cross-border. `source` gives value frequencies for the cap (default: every value is rare).
 */
export function compareCases(
  a: CaseProfile,
  b: CaseProfile,
  source: CandidateSource | FrequencyOf = EMPTY_FREQUENCY,
  config: MatchConfig = DEFAULT_MATCH_CONFIG,
): Comparison {
  const crossBorder = a.country !== b.country;
  if (a.id === b.id) {
    return {
      score: 0,
      totalWeight: 0,
      reasons: [],
      link: false,
      crossBorder: false,
      weak: false,
      capped: [],
    };
  }
  const frequency: FrequencyOf = typeof source === 'function' ? source : (key) => source.frequency(key);
  const agreements: Agreement[] = [];
  const capped: CappedValue[] = [];
  compareIdentifiers(a, b, frequency, config, agreements, capped);
  markPhoneHolderConflicts(a, b, config, agreements);
  compareNames(a, b, config, agreements);
  compareOrganisations(a, b, config, agreements);
  const routePair = a.kind !== b.kind;
  if (a.kind === 'seizure' && b.kind === 'seizure') {
    comparePlaceTime(a, b, config, agreements);
    compareCommodities(a, b, config, agreements);
  } else if (routePair) {
    if (a.kind === 'seizure') compareWaypoints(a, b, config, true, agreements);
    else compareWaypoints(b, a, config, false, agreements);
  }

  // Diminishing weight for repeats of one kind, strongest first.
  agreements.sort((p, q) => q.weight - p.weight);
  const seen = new Set<ReasonFeature>();
  let total = 0;
  for (const agreement of agreements) {
    if (seen.has(agreement.feature)) agreement.weight *= config.repeatFactor;
    seen.add(agreement.feature);
    agreement.weight = Math.max(0, agreement.weight);
    total += agreement.weight;
  }
  const score = scoreOf(total, config);
  // One pass over the agreements that count: the anchors, and the reasons (fields in the order
  // the contract shows them).
  let strong = false;
  let medium = false;
  let waypoint = false;
  // Bare names and organisation names are too common to vouch for a route on their own.
  let indicator = false;
  const reasons: Reason[] = [];
  for (const x of agreements) {
    if (!(x.weight > 0)) continue;
    if (x.strength === 'strong') strong = true;
    else if (x.strength === 'medium') medium = true;
    if (x.feature === 'ROUTE_WAYPOINT') waypoint = true;
    if (x.indicatorIdentifier && (x.strength === 'strong' || x.strength === 'medium')) indicator = true;
    const reason: Reason = { feature: x.feature, weight: round2(x.weight), detail: x.detail } as Reason;
    if (x.protected) reason.protected = true;
    if (x.strength === 'weak') reason.weak = true;
    reason.sources = x.sources;
    reasons.push(reason);
  }
  const anchored = strong || (medium && reasons.length >= 2) || (waypoint && indicator);
  const strongLink = score >= config.threshold && anchored;
  const weak = !strongLink && waypoint && config.weakLinks;

  return {
    score: Math.round(score * 10_000) / 10_000,
    totalWeight: round2(total),
    reasons,
    link: strongLink || weak,
    crossBorder,
    weak,
    capped,
  };
}
