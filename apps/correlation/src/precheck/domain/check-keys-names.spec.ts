import { defaultGazetteer } from '@app/contracts';
import { extractFeatures, type GazetteerEntry } from '@app/matching';
import { SeizureReportBuilder } from '@app/testing';
import { checkKeys } from './check-keys';
import { PrecheckIndex } from './precheck-index';
import { precheckKeyOf } from './precheck-keys';

// The pre-check normalises names with libs/matching's normaliser, like correlation does, so a
// name typed in Latin letters finds a case recorded in Dari script (docs/matching-names.md#pre-check).
const gazetteer: GazetteerEntry[] = defaultGazetteer
  .all()
  .map((p) => ({ code: p.code, lat: p.lat, lon: p.lon, aliases: p.aliases }));

function indexOf(agencyId: string, ref: string, name: string, dateOfBirth: string): PrecheckIndex {
  const report = SeizureReportBuilder.valid()
    .withAgency(agencyId)
    .withCaseRef(ref)
    .without('persons')
    .without('conveyances')
    .withPerson({ role: 'DRIVER', name, dateOfBirth })
    .build();
  const index = new PrecheckIndex();
  for (const f of extractFeatures(report, 'seizure', gazetteer)) {
    const key = precheckKeyOf(f);
    if (key) index.add(`seizure:${agencyId}:${ref}`, key);
  }
  return index;
}

describe('pre-check names across scripts', () => {
  it.each([
    ['گل محمد خان', 'Gul Mohammad Khan'],
    ['احمد کریمی', 'Ahmad Karimi'],
    ['ظاهر یوسفزی', 'Zahir Yousafzai'],
    // Latin `sh` where the script writes س + ح: the keys read both as one digraph.
    ['فرید اسحاقزی', 'Farid Ishaqzai'],
  ])('a check typing %j in Latin letters (%j) finds the Dari-recorded case', (recorded, typed) => {
    const index = indexOf('AF-CNPA', 'CNPA-2026-0042', recorded, '1976-11-03');
    const keys = checkKeys(
      { crossingPoint: 'TORKHAM', persons: [{ role: 'DRIVER', name: typed, dateOfBirth: '1976-11-03' }] },
      'PK-CUS',
      gazetteer,
    );
    const { matches } = index.lookup(keys, { maxFrequency: 50 });
    expect(matches.map((m) => [m.case.agencyId, m.feature])).toEqual([['AF-CNPA', 'PERSON_NAME_DOB']]);
  });

  it('does not hit the same name born on another day', () => {
    const index = indexOf('AF-CNPA', 'CNPA-2026-0042', 'گل محمد خان', '1976-11-03');
    const keys = checkKeys(
      {
        crossingPoint: 'TORKHAM',
        persons: [{ role: 'DRIVER', name: 'Gul Mohammad Khan', dateOfBirth: '1976-11-04' }],
      },
      'PK-CUS',
      gazetteer,
    );
    expect(index.lookup(keys, { maxFrequency: 50 }).matches).toEqual([]);
  });
});
