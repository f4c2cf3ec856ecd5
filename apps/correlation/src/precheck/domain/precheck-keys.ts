import type { PrecheckFeature } from '@app/contracts';
import { valueKey, type Feature } from '@app/matching';

/** One identifier of an agency case or of a check, as the pre-check index keys it. */
export interface PrecheckKey {
  /** Lookup key: the correlation value key for identifiers, `ND:`/`OR:` for names and organisations. */
  key: string;
  feature: PrecheckFeature;
  /** Plate country / document issuing country: two known qualifiers that differ do not match. */
  qualifier?: string;
  /** The value belongs to a VICTIM or SMUGGLED_MIGRANT. */
  protected: boolean;
  /** What matched, in words a liaison officer can check (`plate KBL4521 (AF)`). */
  display: string;
}

/** The subset of a Feature the pre-check reads (what case_feature rows hold). */
export type PrecheckFeatureInput = Pick<
  Feature,
  'type' | 'value' | 'country' | 'documentType' | 'placeholder' | 'name' | 'dateOfBirth' | 'display'
> & { protected?: boolean };

/**
 * The pre-check key of a normalised feature, or undefined when it cannot produce a hit:
 * identifiers use the correlation's own value key (so placeholders and bare short plates never
 * hit, exactly as they never link); a name needs its date of birth (exact canonical name + full
 * date: a name alone is too weak to stop a truck); an organisation keys by its normalised name.
 */
export function precheckKeyOf(f: PrecheckFeatureInput): PrecheckKey | undefined {
  const base = { protected: f.protected === true, display: f.display };
  switch (f.type) {
    case 'PLATE':
    case 'CONTAINER':
    case 'PHONE':
    case 'DOCUMENT':
    case 'VIN':
    case 'VESSEL_IMO': {
      const key = valueKey(f as Feature);
      if (key === undefined) return undefined;
      const qualifier = f.type === 'PLATE' || f.type === 'DOCUMENT' ? f.country : undefined;
      return { key, feature: f.type, ...(qualifier ? { qualifier } : {}), ...base };
    }
    case 'PERSON_NAME_DOB':
      if (!f.name?.key || !f.dateOfBirth) return undefined;
      return { key: `ND:${f.name.key}|${f.dateOfBirth}`, feature: 'PERSON_NAME_DOB', ...base };
    case 'ORGANISATION':
      return f.value ? { key: `OR:${f.value}`, feature: 'ORGANISATION', ...base } : undefined;
    case 'PERSON_NAME':
    case 'PLACE_TIME':
    case 'ROUTE_WAYPOINT':
    case 'COMMODITY':
      return undefined;
  }
}

/** Agency id and own reference of an agency case key (`seizure:PK-ANF:ANF-PES-2026-0412`). */
export function parseCaseKey(caseKey: string): { kind: string; agencyId: string; ref: string } {
  const first = caseKey.indexOf(':');
  const second = caseKey.indexOf(':', first + 1);
  return {
    kind: caseKey.slice(0, first),
    agencyId: caseKey.slice(first + 1, second),
    ref: caseKey.slice(second + 1),
  };
}
