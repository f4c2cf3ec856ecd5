import { PERSON_ROLES, isProtectedRole } from './report-enums';
import { AGENCY_ID_PATTERN, agencyCountry } from './report-limits';

describe(isProtectedRole.name, () => {
  it.each(PERSON_ROLES.map((role) => [role, role === 'VICTIM' || role === 'SMUGGLED_MIGRANT'] as const))(
    '%s is protected: %p',
    (role, expected) => {
      expect(isProtectedRole(role)).toBe(expected);
    },
  );
});

describe(agencyCountry.name, () => {
  it.each([
    ['PK-ANF', 'PK'],
    ['AF-CNPA', 'AF'],
    ['PK-CUS', 'PK'],
  ])('%s belongs to %s', (agencyId, country) => {
    expect(AGENCY_ID_PATTERN.test(agencyId)).toBe(true);
    expect(agencyCountry(agencyId)).toBe(country);
  });
});
