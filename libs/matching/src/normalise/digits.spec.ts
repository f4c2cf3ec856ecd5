import { foldArabicScript, toAsciiDigits } from './digits';

describe(toAsciiDigits.name, () => {
  it.each([
    ['Arabic-Indic', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['Persian', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['full-width', '０１２３４５６７８９', '0123456789'],
    ['mixed scripts in one phone', '۰۳۰۰ ١٢٣4567', '0300 1234567'],
    ['Arabic letters kept, digits converted', 'کابل ۴۵۲۱', 'کابل 4521'],
    ['ASCII untouched', 'KBL-4521', 'KBL-4521'],
    ['empty', '', ''],
    ['Devanagari digits are not in scope', '४५', '४५'],
  ])('converts %s', (_label, input, expected) => {
    expect(toAsciiDigits(input)).toBe(expected);
  });
});

describe(foldArabicScript.name, () => {
  it.each([
    ['Arabic Kaf to Keheh', 'كابل', 'کابل'],
    ['Arabic Yeh to Farsi Yeh', 'علي', 'علی'],
    ['Alef Maksura to Farsi Yeh', 'موسى', 'موسی'],
    ['tatweel removed', 'کـابل', 'کابل'],
    ['Latin untouched', 'Kabul', 'Kabul'],
  ])('folds %s', (_label, input, expected) => {
    expect(foldArabicScript(input)).toBe(expected);
  });
});
