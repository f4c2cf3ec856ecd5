import { COUNTRY, policyOf, SeizureReportBuilder } from '@app/testing';
import type { StoredReport } from '../../alerts/domain/alert.types';
import { releaseFields } from './release';

// ANF may release names and phones to ABP; nothing to FIA (default: no requests).
const policy = policyOf({
  rules: [
    {
      from: 'PK-ANF',
      to: 'AF-ABP',
      ...COUNTRY,
      requests: { allowed: true, releasable: ['persons[].name', 'persons[].phones[]'] },
    },
  ],
});

function report(persons: Record<string, unknown>[], tlp: 'AMBER' | 'RED' = 'AMBER'): StoredReport {
  let b = SeizureReportBuilder.bare('PK-ANF').withTlp(tlp);
  for (const p of persons) b = b.withPerson(p);
  const body = b.build();
  return { eventId: body.eventId, kind: 'seizure', agencyId: 'PK-ANF', body };
}

describe(releaseFields.name, () => {
  const driver = {
    role: 'DRIVER',
    name: 'Gul Muhammad Khan',
    phones: ['+93707539104'],
    dateOfBirth: '1976-11-03',
  };

  it('releases exactly the approved fields the pair may release, with their paths', () => {
    const r = report([driver]);
    expect(releaseFields(policy, 'AF-ABP', [r], ['persons[].name'])).toEqual([
      { eventId: r.eventId, fields: [{ path: 'persons[0].name', value: 'Gul Muhammad Khan' }] },
    ]);
    expect(releaseFields(policy, 'AF-ABP', [r], ['persons[].name', 'persons[].phones[]'])[0].fields).toEqual([
      { path: 'persons[0].name', value: 'Gul Muhammad Khan' },
      { path: 'persons[0].phones[0]', value: '+93707539104' },
    ]);
  });

  it('never releases a protected person or a person of unknown role, nor a field the pair may not release', () => {
    const r = report([
      { role: 'VICTIM', name: 'A Victim' },
      { role: 'SMUGGLED_MIGRANT', name: 'A Migrant', phones: ['+93700000000'] },
      { role: 'SOMEONE', name: 'Unknown Role' },
      driver,
    ]);
    const released = releaseFields(
      policy,
      'AF-ABP',
      [r],
      ['persons[].name', 'persons[].phones[]', 'persons[].dateOfBirth'],
    );
    expect(released[0].fields.map((f) => f.value)).toEqual(['Gul Muhammad Khan', '+93707539104']);
    expect(
      releaseFields(policy, 'AF-ABP', [report([{ role: 'VICTIM', name: 'A Victim' }])], ['persons[].name']),
    ).toEqual([]);
  });

  it('releases nothing to an agency whose pair allows no requests, and nothing when nothing is approved', () => {
    expect(releaseFields(policy, 'PK-FIA', [report([driver])], ['persons[].name'])).toEqual([]);
    expect(releaseFields(policy, 'AF-ABP', [report([driver])], [])).toEqual([]);
  });

  it('lets the owner release an approved field even under RED', () => {
    expect(releaseFields(policy, 'AF-ABP', [report([driver], 'RED')], ['persons[].name'])[0].fields).toEqual([
      { path: 'persons[0].name', value: 'Gul Muhammad Khan' },
    ]);
  });
});
