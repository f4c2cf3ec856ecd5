import { containerCheckDigit, normaliseContainer } from './container.normaliser';

describe(normaliseContainer.name, () => {
  it.each([
    ['MSCU 123456-5', 'MSCU1234565', false],
    ['mscu1234565', 'MSCU1234565', false],
    ['MSCU-123456/5', 'MSCU1234565', false],
    ['MSCU 1234565', 'MSCU1234565', false],
    ['MSCU 123456 6', 'MSCU1234566', true],
    // The worked example of ISO 6346 (Wikipedia) and BIC's own example number.
    ['CSQU3054383', 'CSQU3054383', true],
    ['CSQU 305438 3', 'CSQU3054383', true],
    ['BICU 123456-5', 'BICU1234565', true],
    ['MSKU 907032-3', 'MSKU9070323', true],
    ['MSKU9070324', 'MSKU9070324', false],
    ['csqu.305438.3', 'CSQU3054383', true],
    ['CSQU ٣٠٥٤٣٨ ٣', 'CSQU3054383', true],
    ['ＣＳＱＵ３０５４３８３', 'CSQU3054383', true],
    // Remainder 10 is written as check digit 0.
    ['MSCU1000070', 'MSCU1000070', true],
    // Category J (detachable equipment) and Z (trailer/chassis) are ISO 6346 too.
    ['ABCJ 123456 3', 'ABCJ1234563', true],
    ['abcz-123456-4', 'ABCZ1234564', true],
    ['ABCZ1234567', 'ABCZ1234567', false],
  ])('normalises %j to %s (check digit valid: %s)', (raw, value, valid) => {
    expect(normaliseContainer(raw)).toEqual({ value, checkDigitValid: valid, key: value });
  });

  it.each([
    ['CSQU3054383', 3],
    ['MSKU9070323', 3],
    ['BICU1234565', 5],
    ['MSCU1234566', 6],
  ])('computes the ISO 6346 check digit of %s as %i', (value, digit) => {
    expect(containerCheckDigit(value.slice(0, 10))).toBe(digit);
  });

  it.each([
    ['', 'empty'],
    ['MSCU123456', 'no check digit'],
    ['MSCU12345655', 'twelve characters'],
    ['MSC1234565', 'three letters'],
    ['MSCA1234565', 'category letter not U, J or Z'],
    ['1234MSCU565', 'digits first'],
    ['MSCU12345O5', 'letter O among the digits'],
    ['UNKNOWN', 'placeholder'],
    ['N/A', 'placeholder'],
  ])('returns null for %j (%s)', (raw) => {
    expect(normaliseContainer(raw)).toBeNull();
  });

  it.each([
    ['MSCU1234565', 'MSCU1234566'],
    ['CSQU3054383', 'CSQU3054838'],
    ['MSKU9070323', 'MSCU9070323'],
  ])('keeps %s apart from %s', (a, b) => {
    expect(normaliseContainer(a)?.key).not.toBe(normaliseContainer(b)?.key);
  });
});
