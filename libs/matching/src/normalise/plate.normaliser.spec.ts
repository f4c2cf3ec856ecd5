import { normalisePlate } from './plate.normaliser';

describe(normalisePlate.name, () => {
  it.each([
    ['KBL 4521', 'AF', 'KBL4521'],
    ['kbl-4521', 'AF', 'KBL4521'],
    ['KBL4521', 'AF', 'KBL4521'],
    ['KBL.4521', 'AF', 'KBL4521'],
    ['KBL/4521', 'AF', 'KBL4521'],
    ['kbl_4521', 'af', 'KBL4521'],
    ['  KBL  4521 ', 'AF', 'KBL4521'],
    ['KBL ٤٥٢١', 'AF', 'KBL4521'],
    ['KBL ۴۵۲۱', 'AF', 'KBL4521'],
    ['ＫＢＬ－４５２１', 'AF', 'KBL4521'],
    ['LEA-1234', 'PK', 'LEA1234'],
    ['LEA 1234', 'PK', 'LEA1234'],
    ['ABC 123', 'PK', 'ABC123'],
    ['LES 06 1234', 'PK', 'LES061234'],
    ['les-06-1234', 'PK', 'LES061234'],
    ['RIK 5678', 'PK', 'RIK5678'],
    ['TKE–882', 'PK', 'TKE882'],
    ['کابل ۴۵۲۱', 'AF', 'کابل4521'],
    ['كابل 4521', 'AF', 'کابل4521'],
    ['HRT (3) 2211', 'AF', 'HRT32211'],
  ])('normalises %j (%s) to %s', (raw, country, value) => {
    const plate = normalisePlate(raw, country);
    expect(plate?.value).toBe(value);
    expect(plate?.key).toBe(`${country.toUpperCase()}:${value}`);
  });

  it.each([
    ['KBL 4521', 'AF', 'kbl-4521', 'PK'],
    ['KBL 4521', 'AF', 'KBL 4512', 'AF'],
    ['LEA-1234', 'PK', 'LEB-1234', 'PK'],
    ['LES 06 1234', 'PK', 'LES 6 1234', 'PK'],
    ['4521', 'AF', '4521', 'PK'],
    ['ABC 123', 'PK', 'ABC 1230', 'PK'],
  ])('keeps %j (%s) apart from %j (%s)', (a, ca, b, cb) => {
    expect(normalisePlate(a, ca)?.key).not.toBe(normalisePlate(b, cb)?.key);
  });

  it.each([
    ['KBL 4521', 'AF', false],
    ['LEA-1234', 'PK', false],
    ['4521', 'AF', true],
    ['٤٥٢١', 'PK', true],
    ['12 34', 'AF', true],
    ['123456', 'PK', false],
    ['KBL 4521', undefined, true],
    ['KBL 4521', 'Afghanistan', true],
  ])('marks %j (%s) weak=%s', (raw, country, weak) => {
    expect(normalisePlate(raw, country)?.weak).toBe(weak);
  });

  it('uses ?? as the country part of the key when the plate country is unknown', () => {
    expect(normalisePlate('kbl 4521')).toEqual({ value: 'KBL4521', key: '??:KBL4521', weak: true });
  });

  it.each([
    '',
    '   ',
    '- / .',
    '___',
    'UNKNOWN',
    'unknown',
    'N/A',
    'n.a.',
    'NIL',
    'none',
    'No Plate',
    '000',
    '0000',
    'xxxx',
  ])('returns null for %j', (raw) => {
    expect(normalisePlate(raw, 'AF')).toBeNull();
  });
});
