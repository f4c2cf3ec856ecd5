import type {
  ConveyanceDto,
  OrganisationDto,
  PersonDto,
  PrecheckFeature,
  SeizureReportDto,
} from '@app/contracts';
import { extractFeatures, type GazetteerEntry } from '@app/matching';
import { precheckKeyOf, type PrecheckKey } from './precheck-keys';

/** What a check asks about (the identifiers of a waiting consignment). */
export interface CheckSubject {
  crossingPoint: string;
  conveyances?: ConveyanceDto[];
  persons?: PersonDto[];
  organisations?: OrganisationDto[];
}

/**
 * The pre-check keys of a consignment, normalised exactly as correlation normalises a report
 * of the checking agency (its country is the default region of phones and documents): the
 * identifiers are run through `extractFeatures` as if they were a seizure's, so a plate written
 * `kbl-4521` or with Persian digits keys like `KBL 4521` does.
 */
export function checkKeys(
  subject: CheckSubject,
  checkingAgencyId: string,
  gazetteer: readonly GazetteerEntry[],
): PrecheckKey[] {
  // No occurredAt and no commodities: the place never becomes a PLACE_TIME feature.
  const asReport = {
    agencyId: checkingAgencyId,
    location: { crossingPoint: subject.crossingPoint },
    conveyances: subject.conveyances ?? [],
    persons: subject.persons ?? [],
    organisations: subject.organisations ?? [],
  } as unknown as SeizureReportDto;
  const seen = new Set<string>();
  const out: PrecheckKey[] = [];
  for (const f of extractFeatures(asReport, 'seizure', gazetteer)) {
    const k = precheckKeyOf(f);
    if (!k) continue;
    const id = `${k.key}\t${k.qualifier ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(k);
  }
  return out;
}

/** The kinds of identifier a check carried, sorted (for the audit record). */
export function identifierTypes(keys: readonly PrecheckKey[]): PrecheckFeature[] {
  return [...new Set(keys.map((k) => k.feature))].sort();
}
