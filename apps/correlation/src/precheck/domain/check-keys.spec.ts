import { defaultGazetteer, type PersonDto } from '@app/contracts';
import { extractFeatures, type GazetteerEntry } from '@app/matching';
import { SeizureReportBuilder } from '@app/testing';
import { checkKeys, identifierTypes } from './check-keys';
import { precheckKeyOf } from './precheck-keys';

const gazetteer: GazetteerEntry[] = defaultGazetteer
  .all()
  .map((p) => ({ code: p.code, lat: p.lat, lon: p.lon, aliases: p.aliases }));

/** The pre-check keys correlation stores for a PK-ANF seizure (what case_feature holds). */
function storedKeys(build: (b: SeizureReportBuilder) => SeizureReportBuilder): string[] {
  const report = build(SeizureReportBuilder.valid().without('persons').without('conveyances')).build();
  return extractFeatures(report, 'seizure', gazetteer)
    .map((f) => precheckKeyOf(f)?.key)
    .filter((k): k is string => k !== undefined);
}

const person = (p: Partial<PersonDto>): PersonDto => ({ role: 'DRIVER', ...p });

describe(checkKeys.name, () => {
  it.each([
    [
      'a plate written in lower case with a hyphen',
      (b: SeizureReportBuilder) => b.withPlate('KBL 4521', 'AF'),
      { conveyances: [{ kind: 'TRUCK' as const, plate: 'kbl-4521', plateCountry: 'AF' }] },
    ],
    [
      'a plate with Persian digits',
      (b: SeizureReportBuilder) => b.withPlate('KBL 4521', 'AF'),
      { conveyances: [{ kind: 'TRUCK' as const, plate: 'KBL ۴۵۲۱', plateCountry: 'AF' }] },
    ],
    [
      'a container with spaces and lower case',
      (b: SeizureReportBuilder) => b.withContainer('CSQU3054383'),
      { conveyances: [{ kind: 'CONTAINER' as const, containerNumber: 'csqu 305438-3' }] },
    ],
    [
      'a VIN with separators',
      (b: SeizureReportBuilder) => b.withConveyance({ kind: 'CAR', vin: '1HGCM82633A004352' }),
      { conveyances: [{ kind: 'CAR' as const, vin: '1hgcm-82633-a004352' }] },
    ],
    [
      'an IMO with its prefix',
      (b: SeizureReportBuilder) => b.withConveyance({ kind: 'VESSEL', vesselImo: '9321483' }),
      { conveyances: [{ kind: 'VESSEL' as const, vesselImo: 'IMO 9321483' }] },
    ],
    [
      'a phone in international form',
      (b: SeizureReportBuilder) => b.withPerson({ phones: ['0300 1234567'] }),
      { persons: [person({ phones: ['+92 300 123 4567'] })] },
    ],
    [
      'a document with separators',
      (b: SeizureReportBuilder) => b.withDocument('NATIONAL_ID', '17301-1234567-1', 'PK'),
      {
        persons: [
          person({ documents: [{ type: 'NATIONAL_ID', number: '1730112345671', issuingCountry: 'PK' }] }),
        ],
      },
    ],
    [
      'a name in another order with the same date of birth',
      (b: SeizureReportBuilder) => b.withPerson({ name: 'Gul Ahmad Khan', dateOfBirth: '1984-06-02' }),
      { persons: [person({ name: 'KHAN, Gul Ahmad', dateOfBirth: '1984-06-02' })] },
    ],
    [
      'an organisation with another legal suffix spelling',
      (b: SeizureReportBuilder) => b.withOrganisation('Khyber Gate Trading Co.'),
      { organisations: [{ name: 'KHYBER GATE TRADING COMPANY' }] },
    ],
  ])('keys %s like the stored report', (_label, stored, subject) => {
    const keys = checkKeys({ crossingPoint: 'TORKHAM', ...subject }, 'AF-ACD', gazetteer).map((k) => k.key);
    expect(keys).toHaveLength(1);
    expect(storedKeys(stored)).toContain(keys[0]);
  });

  it.each([
    ['a bare four-digit plate', { conveyances: [{ kind: 'TRUCK' as const, plate: '4521' }] }],
    ['a placeholder phone', { persons: [person({ phones: ['+92 000 0000000'] })] }],
    ['a name without a date of birth', { persons: [person({ name: 'Gul Ahmad Khan' })] }],
  ])('gives no key for %s', (_label, subject) => {
    expect(checkKeys({ crossingPoint: 'TORKHAM', ...subject }, 'AF-ACD', gazetteer)).toEqual([]);
  });

  it('lists the kinds of identifier checked, once each, sorted', () => {
    const keys = checkKeys(
      {
        crossingPoint: 'TORKHAM',
        conveyances: [
          { kind: 'TRUCK', plate: 'KBL 4521', plateCountry: 'AF', containerNumber: 'CSQU3054383' },
          { kind: 'TRUCK', plate: 'KBL 4522', plateCountry: 'AF' },
        ],
      },
      'AF-ACD',
      gazetteer,
    );
    expect(identifierTypes(keys)).toEqual(['CONTAINER', 'PLATE']);
  });
});
