import { countryOfAgency, normalisePhone } from './phone.normaliser';

describe(normalisePhone.name, () => {
  it.each([
    ['0300 1234567', 'PK', '+923001234567'],
    ['03001234567', 'PK', '+923001234567'],
    ['+92-300-1234567', 'PK', '+923001234567'],
    ['+92-300-1234567', 'AF', '+923001234567'],
    ['+92 (300) 123 4567', undefined, '+923001234567'],
    ['0092 300 1234567', 'PK', '+923001234567'],
    ['0092 300 1234567', undefined, '+923001234567'],
    // Exports that drop the `+` are read internationally only when that yields a valid number.
    ['92 300 1234567', 'PK', '+923001234567'],
    ['92 300 1234567', 'AF', '+923001234567'],
    ['923001234567', undefined, '+923001234567'],
    ['٠٣٠٠ ١٢٣٤٥٦٧', 'PK', '+923001234567'],
    ['۰۳۰۰-۱۲۳۴۵۶۷', 'PK', '+923001234567'],
    ['0300-1234567 ext 12', 'PK', '+923001234567'],
    ['070 123 4567', 'AF', '+93701234567'],
    ['0701234567', 'AF', '+93701234567'],
    ['0093 70 123 4567', 'PK', '+93701234567'],
    ['0093 70 123 4567', 'AF', '+93701234567'],
    ['+93 (0) 70 123 4567', undefined, '+93701234567'],
    ['+93 70 123 4567', 'PK', '+93701234567'],
    ['۰۷۹۹ ۱۲۳ ۴۵۶', 'AF', '+93799123456'],
    ['０７９９１２３４５６', 'AF', '+93799123456'],
    ['020 230 1234', 'AF', '+93202301234'],
  ])('normalises %j (default %s) to %s, valid', (raw, country, e164) => {
    expect(normalisePhone(raw, country)).toEqual({ e164, valid: true, placeholder: false });
  });

  it.each([
    ['+920000000000', 'PK', '+920000000000'],
    ['0092 000 0000000', 'AF', '+920000000000'],
    ['0000000', 'PK', '+92000000'],
    ['1234567890', 'PK', '+921234567890'],
    ['0300 0000000', 'PK', '+923000000000'],
    ['+93 777 777 777', undefined, '+93777777777'],
    ['9999999999', 'AF', '+939999999999'],
    ['0987654321', 'PK', '+92987654321'],
  ])('flags %j (default %s) as placeholder %s', (raw, country, e164) => {
    expect(normalisePhone(raw, country)).toEqual({ e164, valid: false, placeholder: true });
  });

  it.each([
    ['0511234567', 'PK', '+92511234567'],
    ['0300 12345', 'PK', '+9230012345'],
  ])(
    'keeps %j (default %s), of a possible length but unallocated, as %s with valid=false',
    (raw, country, e164) => {
      expect(normalisePhone(raw, country)).toEqual({ e164, valid: false, placeholder: false });
    },
  );

  it.each([
    ['', 'PK'],
    ['N/A', 'PK'],
    ['unknown', 'AF'],
    ['123', 'PK'],
    ['12 34', 'AF'],
    ['070 123 4567', undefined],
  ])('returns null for %j (default %s)', (raw, country) => {
    expect(normalisePhone(raw, country)).toBeNull();
  });

  it.each([
    ['0300 1234567', 'PK', '0300 1234567', 'AF'],
    ['070 123 4567', 'AF', '070 123 4567', 'PK'],
    ['0300 1234567', 'PK', '0300 1234576', 'PK'],
    ['+93701234567', 'AF', '+92701234567', 'PK'],
  ])('keeps %j (%s) apart from %j (%s)', (a, ca, b, cb) => {
    expect(normalisePhone(a, ca)?.e164).not.toBe(normalisePhone(b, cb)?.e164);
  });
});

describe(countryOfAgency.name, () => {
  it.each([
    ['AF-CNPA', 'AF'],
    ['AF-ACD', 'AF'],
    ['PK-ANF', 'PK'],
    ['PK-FIA', 'PK'],
    ['pk-cus', 'PK'],
    ['CNPA', undefined],
    ['AFG-CNPA', undefined],
    ['', undefined],
  ])('reads the country of %j as %s', (agencyId, country) => {
    expect(countryOfAgency(agencyId)).toBe(country);
  });
});
