import type { CommodityType } from '@app/contracts';
import { countryOfAgency } from '../normalise';
import { valueKey } from './blocking';
import type { AnyReport, Feature, ReportKindName } from './features';

/** Who an agency case is: one agency's `agencyCaseRef` (seizure) or `routeRef` (route). */
export interface AgencyCaseIdentity {
  /** `seizure:PK-ANF:ANF-PES-2026-0412` or `route:AF-CNPA:CNPA-RT-2026-017`. */
  id: string;
  agencyId: string;
  /** The agency's country: the prefix of its id. */
  country: string;
  kind: ReportKindName;
  ref: string;
}

/** The id of an agency case; seizure and route refs live in separate namespaces. */
export function agencyCaseKey(kind: ReportKindName, agencyId: string, ref: string): string {
  return `${kind}:${agencyId}:${ref}`;
}

/** The agency case a report amends (or opens). */
export function agencyCaseOf(report: AnyReport, kind: ReportKindName): AgencyCaseIdentity {
  const ref = 'agencyCaseRef' in report ? report.agencyCaseRef : report.routeRef;
  return {
    id: agencyCaseKey(kind, report.agencyId, ref),
    agencyId: report.agencyId,
    country: countryOfAgency(report.agencyId) ?? report.agencyId.slice(0, 2),
    kind,
    ref,
  };
}

/** An agency case's merged features, grouped the way scoring reads them. */
export interface CaseProfile extends AgencyCaseIdentity {
  features: readonly Feature[];
  /** Identifier features by `valueKey` (and placeholder phones by their key). */
  identifiers: ReadonlyMap<string, readonly Feature[]>;
  names: readonly Feature[];
  /** Per name, a bitmask of its tokens' initials (bit 26: a token that is not A–Z). */
  nameInitials: readonly number[];
  organisations: ReadonlyMap<string, Feature>;
  places: readonly Feature[];
  waypoints: readonly Feature[];
  commodities: ReadonlySet<CommodityType>;
}

// Initials that romanisations and transliteration swap share a bit: a leading vowel
// (`Ismat` / `Esmat` / عصمت → ASMT) and Q / K (`Qureshi` / `Kureshi`); docs/matching-names.md.
const INITIAL_FOLD: Readonly<Record<string, string>> = { E: 'A', I: 'A', O: 'A', U: 'A', Q: 'K' };

/** Bitmask of the first letters of name tokens (A = bit 0 … Z = bit 25, vowels and Q/K folded; anything else bit 26). */
export function initialsMask(tokens: readonly string[]): number {
  let mask = 0;
  for (const token of tokens) {
    const code = (INITIAL_FOLD[token.charAt(0)] ?? token.charAt(0)).charCodeAt(0) - 65;
    mask |= code >= 0 && code < 26 ? 1 << code : 1 << 26;
  }
  return mask;
}

/** Groups the merged features of an agency case for scoring. */
export function buildProfile(identity: AgencyCaseIdentity, features: readonly Feature[]): CaseProfile {
  // Fields written out rather than spread from the identity: built for every new agency case.
  const profile: CaseProfile = {
    id: identity.id,
    agencyId: identity.agencyId,
    country: identity.country,
    kind: identity.kind,
    ref: identity.ref,
    features: [],
    identifiers: new Map(),
    names: [],
    nameInitials: [],
    organisations: new Map(),
    places: [],
    waypoints: [],
    commodities: new Set(),
  };
  return extendProfile(profile, features);
}

/**
 * Adds features to a profile IN PLACE and returns it (buildProfile's grouping).
 */
function extendProfile(profile: CaseProfile, added: readonly Feature[]): CaseProfile {
  const features = profile.features as Feature[];
  const identifiers = profile.identifiers as Map<string, Feature[]>;
  const names = profile.names as Feature[];
  const nameInitials = profile.nameInitials as number[];
  const organisations = profile.organisations as Map<string, Feature>;
  const places = profile.places as Feature[];
  const waypoints = profile.waypoints as Feature[];
  const commodities = profile.commodities as Set<CommodityType>;
  for (const f of added) {
    features.push(f);
    switch (f.type) {
      case 'PLATE':
      case 'CONTAINER':
      case 'PHONE':
      case 'DOCUMENT':
      case 'VIN':
      case 'VESSEL_IMO': {
        // Placeholders have no value key but are kept so a comparison can say they were ignored.
        const key =
          valueKey(f) ?? (f.placeholder ? f.key : f.type === 'PLATE' ? `PLW:${f.value}` : undefined);
        if (key === undefined) break;
        const list = identifiers.get(key);
        if (list) list.push(f);
        else identifiers.set(key, [f]);
        break;
      }
      case 'PERSON_NAME':
      case 'PERSON_NAME_DOB':
        names.push(f);
        nameInitials.push(initialsMask(f.name!.tokens));
        break;
      case 'ORGANISATION':
        if (!organisations.has(f.key)) organisations.set(f.key, f);
        break;
      case 'PLACE_TIME':
        places.push(f);
        break;
      case 'ROUTE_WAYPOINT':
        waypoints.push(f);
        break;
      case 'COMMODITY':
        commodities.add(f.value as CommodityType);
        break;
    }
  }
  return profile;
}
