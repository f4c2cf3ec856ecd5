import { normaliseDocument, normaliseDocumentType } from './document.normaliser';

describe(normaliseDocument.name, () => {
  it.each([
    // [type, number, issuing, reporter, expected key]
    ['NATIONAL_ID', '35202-1234567-1', 'PK', undefined, 'NATIONAL_ID:PK:3520212345671'],
    ['NATIONAL_ID', '35202 1234567 1', 'pk', undefined, 'NATIONAL_ID:PK:3520212345671'],
    ['NATIONAL_ID', '3520212345671', 'PK', undefined, 'NATIONAL_ID:PK:3520212345671'],
    ['NATIONAL_ID', '٣٥٢٠٢-١٢٣٤٥٦٧-١', 'PK', undefined, 'NATIONAL_ID:PK:3520212345671'],
    ['CNIC', '۳۵۲۰۲-۱۲۳۴۵۶۷-۱', undefined, undefined, 'NATIONAL_ID:PK:3520212345671'],
    // A CNIC shape without issuing country is Pakistani, whoever reports it.
    ['NATIONAL_ID', '35202-1234567-1', undefined, 'AF', 'NATIONAL_ID:PK:3520212345671'],
    ['NATIONAL_ID', '3520212345671', undefined, undefined, 'NATIONAL_ID:PK:3520212345671'],
    ['NATIONAL_ID', '17301-7654321-3', undefined, 'PK', 'NATIONAL_ID:PK:1730176543213'],
    // e-Tazkira: 4-4-5 starting with the Solar Hijri year.
    ['NATIONAL_ID', '1400-0101-12345', undefined, 'PK', 'NATIONAL_ID:AF:1400010112345'],
    ['Tazkira', '1399 0203 54321', undefined, undefined, 'NATIONAL_ID:AF:1399020354321'],
    // Ungrouped 13 digits starting 139/140 fit both; the reporter's side breaks the tie.
    ['NATIONAL_ID', '1400010112345', undefined, 'AF', 'NATIONAL_ID:AF:1400010112345'],
    ['NATIONAL_ID', '1400010112345', undefined, 'PK', 'NATIONAL_ID:PK:1400010112345'],
    ['NATIONAL_ID', '1400010112345', undefined, undefined, 'NATIONAL_ID:??:1400010112345'],
    ['NATIONAL_ID', '1400010112345', undefined, 'IR', 'NATIONAL_ID:??:1400010112345'],
    // Old paper tazkira numbers and 13 digits starting 0 or 9 carry no country.
    ['NATIONAL_ID', '1234567', undefined, 'AF', 'NATIONAL_ID:??:1234567'],
    ['NATIONAL_ID', '9520212345671', undefined, 'PK', 'NATIONAL_ID:??:9520212345671'],
    ['PASSPORT', 'AB1234567', 'PK', undefined, 'PASSPORT:PK:AB1234567'],
    ['passport', 'ab 123 4567', 'PK', undefined, 'PASSPORT:PK:AB1234567'],
    ['PP', 'ab-1234567', 'PK', undefined, 'PASSPORT:PK:AB1234567'],
    // Passports are never inferred: an AF agency records many Pakistani passports.
    ['PASSPORT', 'P01234567', undefined, 'AF', 'PASSPORT:??:P01234567'],
    ['PASSPORT', 'P01234567', 'AF', 'PK', 'PASSPORT:AF:P01234567'],
    ['DRIVING_LICENSE', 'KBL/2019/55421', 'AF', undefined, 'DRIVING_LICENCE:AF:KBL201955421'],
    ['VISA', 'ＶＩ１２３４', 'PK', undefined, 'VISA:PK:VI1234'],
    ['ARMS LICENCE', 'AL-5544', 'PK', undefined, 'OTHER:PK:AL5544'],
  ])('normalises %s %j (issuer %s, reporter %s) to %s', (type, number, issuing, reporter, key) => {
    expect(normaliseDocument(type, number, issuing, reporter)?.key).toBe(key);
  });

  it('returns type, number and country beside the key', () => {
    expect(normaliseDocument('NATIONAL_ID', '35202-1234567-1')).toEqual({
      type: 'NATIONAL_ID',
      number: '3520212345671',
      country: 'PK',
      key: 'NATIONAL_ID:PK:3520212345671',
    });
  });

  it.each([
    ['PASSPORT', 'AB1234567', 'PK', 'PASSPORT', 'AB1234567', 'AF'],
    ['PASSPORT', 'AB1234567', 'PK', 'NATIONAL_ID', 'AB1234567', 'PK'],
    ['NATIONAL_ID', '35202-1234567-1', 'PK', 'NATIONAL_ID', '35202-1234567-2', 'PK'],
    ['PASSPORT', 'AB1234567', 'PK', 'PASSPORT', '1234567', 'PK'],
  ])('keeps %s %j (%s) apart from %s %j (%s)', (ta, na, ca, tb, nb, cb) => {
    expect(normaliseDocument(ta, na, ca)?.key).not.toBe(normaliseDocument(tb, nb, cb)?.key);
  });

  it.each(['', ' - / ', 'N/A', 'unknown', 'NIL', '0000000000000', '11111-1111111-1', 'XXXXXXX'])(
    'returns null for number %j',
    (number) => {
      expect(normaliseDocument('NATIONAL_ID', number, 'PK')).toBeNull();
    },
  );
});

describe(normaliseDocumentType.name, () => {
  it.each([
    ['NATIONAL_ID', 'NATIONAL_ID'],
    ['National ID', 'NATIONAL_ID'],
    ['cnic', 'NATIONAL_ID'],
    ['e-Tazkira', 'NATIONAL_ID'],
    ['Driving Licence', 'DRIVING_LICENCE'],
    ['driving-license', 'DRIVING_LICENCE'],
    ['Passport', 'PASSPORT'],
    ['visa', 'VISA'],
    ['ration card', 'OTHER'],
  ])('maps %j to %s', (type, expected) => {
    expect(normaliseDocumentType(type)).toBe(expected);
  });
});
