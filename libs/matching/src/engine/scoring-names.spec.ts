import type { SeizureReportBuilder } from '@app/testing';
import type { CaseProfile } from './agency-case';
import { bareSeizure, profileOf, unrelatedSeizure } from './testing/engine.fixtures';
import { compareCases } from './scoring';

// Evidence that adds up across scripts and romanisations (issue 20.3,
// docs/matching-names.md#evidence): a compatible name with the same phone, document or date of
// birth links and says why; a shared phone with a clearly different person stays weak.

type Edit = (b: SeizureReportBuilder) => SeizureReportBuilder;

const suspect = (name: string, extra: Record<string, unknown> = {}) => ({
  role: 'SUSPECT' as const,
  name,
  ...extra,
});

function pair(editA: Edit, editB: Edit): [CaseProfile, CaseProfile] {
  const a = editA(bareSeizure('PK-ANF', 'ANF-1')).build();
  const b = editB(unrelatedSeizure('AF-CNPA', 'CNPA-1')).build();
  return [profileOf('seizure', a), profileOf('seizure', b)];
}

const withDob =
  (name: string, dateOfBirth: string): Edit =>
  (b) =>
    b.withPerson(suspect(name, { dateOfBirth }));
const withPhone =
  (name: string, phone: string): Edit =>
  (b) =>
    b.withPerson(suspect(name)).withPhone(phone);

describe('compareCases on names across scripts and romanisations', () => {
  it.each<[string, Edit, Edit, string]>([
    [
      'Yusuf Yousafzai / Yusufzai, Yousaf + DOB',
      withDob('Yusuf Yousafzai', '1961-09-06'),
      withDob('Yusufzai, Yousaf', '1961-09-06'),
      'same consonant skeleton',
    ],
    [
      'Raheem Kakkar / Rahim Kakar + DOB',
      withDob('Raheem Kakkar', '1992-02-01'),
      withDob('Rahim Kakar', '1992-02-01'),
      'Kakkar ~ Kakar: same consonant skeleton',
    ],
    [
      'Hameed Yusufzai / Hameed Yousafzai + DOB',
      withDob('Hameed Yusufzai', '1970-01-01'),
      withDob('Hameed Yousafzai', '1970-01-01'),
      'Yusufzai ~ Yousafzai: same consonant skeleton',
    ],
    [
      'Dari گل محمد خان / Gul Mohammad Khan + DOB',
      withDob('گل محمد خان', '1976-11-03'),
      withDob('Gul Mohammad Khan', '1976-11-03'),
      'the same names in Arabic and Latin script',
    ],
    [
      'Dari احمد کریمی / Ahmad Karimi + DOB',
      withDob('احمد کریمی', '1988-04-12'),
      withDob('Ahmad Karimi', '1988-04-12'),
      'کریمی ~ Karimi: same consonant skeleton across scripts',
    ],
    [
      'Pashto یوسفزی / Urdu یوسفزئی + DOB',
      withDob('ظاهر یوسفزی', '1980-05-05'),
      withDob('ظاہر یوسفزئی', '1980-05-05'),
      'same consonant skeleton',
    ],
    [
      'ZAHIR YUSUFZAI / Zahir Yousafzai + phone',
      withPhone('ZAHIR YUSUFZAI', '03429190993'),
      withPhone('Zahir Yousafzai', '0092 3429190993'),
      'Yusufzai ~ Yousafzai',
    ],
    [
      'NOOR ALI BARAKZAI / Barakzay, Noor Ai + phone',
      withPhone('NOOR ALI BARAKZAI', '03001234567'),
      withPhone('Barakzay, Noor Ai', '+92 300 1234567'),
      'Barakzai ~ Barakzay',
    ],
    [
      'Pashto عبدالرحمن اڅکزی / Abdul Rahman Achakzai + phone',
      withPhone('عبدالرحمن اڅکزی', '+93 70 123 4567'),
      withPhone('Abdul Rahman Achakzai', '0093 701234567'),
      'across scripts',
    ],
    [
      'Dari گل‌محمد خان (a non-joiner for the space) / Gul Mohammad Khan + DOB',
      withDob('گل\u200cمحمد خان', '1976-11-03'),
      withDob('Gul Mohammad Khan', '1976-11-03'),
      'the same names in Arabic and Latin script',
    ],
    [
      'Dari فرید اسحاقزی / Farid Ishaqzai (sh for s + h) + DOB',
      withDob('فرید اسحاقزی', '1990-08-25'),
      withDob('Farid Ishaqzai', '1990-08-25'),
      'Ishaqzai: same consonant skeleton across scripts',
    ],
    [
      'Msnsur Taraki / Mansoor Taraky (a slip on top of a respelling) + DOB',
      withDob('Msnsur Taraki', '1996-01-11'),
      withDob('Mansoor Taraky', '1996-01-11'),
      'Msnsur ~ Mansoor: one typing slip apart',
    ],
    [
      'Ismail Hasheemee / اسماعیل هاشمی (a vowel spelled long the script does not write) + phone',
      withPhone('Ismail Hasheemee', '0093 700123456'),
      withPhone('اسماعیل هاشمی', '+93 70 012 3456'),
      'Hasheemee ~ هاشمی: same consonant skeleton, a vowel written long',
    ],
    [
      'Kamal Khan / Jamal Khan (first letter) + phone',
      withPhone('Kamal Khan', '03001234567'),
      withPhone('Jamal Khan', '+92 300 1234567'),
      'Kamal ~ Jamal: first letter differs',
    ],
    [
      'a compatible name and the same document',
      (b) => b.withPerson(suspect('Afreedi, Sher')).withDocument('PASSPORT', 'AB1234567', 'PK'),
      (b) => b.withPerson(suspect('شیر اپریدی')).withDocument('PASSPORT', 'AB1234567', 'PK'),
      'Afreedi ~ اپریدی',
    ],
  ])('links %s and says why', (_label, editA, editB, because) => {
    const [a, b] = pair(editA, editB);
    const result = compareCases(a, b);
    expect(result.link).toBe(true);
    const name = result.reasons.find((r) => r.feature === 'PERSON_NAME_DOB' || r.feature === 'PERSON_NAME');
    expect(name?.detail).toContain(because);
  });

  it('keeps what the agency wrote in the reason', () => {
    const [a, b] = pair(withDob('گل محمد خان', '1976-11-03'), withDob('Gul Mohammad Khan', '1976-11-03'));
    const detail = compareCases(a, b).reasons[0].detail;
    expect(detail).toContain('گل محمد خان ~ Gul Mohammad Khan');
  });

  it.each<[string, Edit, Edit]>([
    [
      'a shared phone with a clearly different person',
      withPhone('Gul Ahmad Khan', '03001234567'),
      withPhone('Zahir Shah Durrani', '+92 300 1234567'),
    ],
    [
      'a shared phone with Hasan Ali / Hussain Ali',
      withPhone('Hasan Ali', '03001234567'),
      withPhone('Hussain Ali', '+92 300 1234567'),
    ],
    [
      'a shared phone with حسن علی / Hussain Ali',
      withPhone('حسن علی', '03001234567'),
      withPhone('Hussain Ali', '+92 300 1234567'),
    ],
    [
      'Muhammad Khan / Mahmud Khan born the same day',
      withDob('Muhammad Khan', '1980-01-01'),
      withDob('Mahmud Khan', '1980-01-01'),
    ],
    [
      'Ahmad Khan / Hamid Khan born the same day',
      withDob('Ahmad Khan', '1980-01-01'),
      withDob('Hamid Khan', '1980-01-01'),
    ],
    [
      'Yousafzai / Yusufzai born on different days',
      withDob('Zahir Yousafzai', '1980-01-01'),
      withDob('Zahir Yusufzai', '1981-01-01'),
    ],
    [
      'a Dari name and a different Latin name born the same day',
      withDob('گل محمد خان', '1976-11-03'),
      withDob('Noor Ali Barakzai', '1976-11-03'),
    ],
    [
      'Jamil Ahmad Sharifi / Jalil Ahmad Sharifi born the same day (one consonant apart)',
      withDob('Jamil Ahmad Sharifi', '1985-03-03'),
      withDob('Jalil Ahmad Sharifi', '1985-03-03'),
    ],
    [
      'Abdul Wahid Zadran / Abdul Rashid Zadran born the same day',
      withDob('Abdul Wahid Zadran', '1985-03-03'),
      withDob('Abdul Rashid Zadran', '1985-03-03'),
    ],
    [
      'Kamal Ahmad Sharifi / Jamal Ahmad Sharifi born the same day (first letter: twins, or one slip)',
      withDob('Kamal Ahmad Sharifi', '1985-03-03'),
      withDob('Jamal Ahmad Sharifi', '1985-03-03'),
    ],
    [
      'Kamal Ahmadzai / Jamal Ahmadzai born the same day',
      withDob('Kamal Ahmadzai', '1985-03-03'),
      withDob('Jamal Ahmadzai', '1985-03-03'),
    ],
    [
      'Muhammad Qaseem / محمد قاسم born the same day (a long vowel the script does not write)',
      withDob('Muhammad Qaseem', '1985-03-03'),
      withDob('محمد قاسم', '1985-03-03'),
    ],
    [
      'عبدالرحمن / Abdul Rahim born the same day',
      withDob('عبدالرحمن', '1985-03-03'),
      withDob('Abdul Rahim', '1985-03-03'),
    ],
  ])('does not link %s', (_label, editA, editB) => {
    const [a, b] = pair(editA, editB);
    expect(compareCases(a, b).link).toBe(false);
  });
});

describe('a shared phone held by clearly different persons', () => {
  it('stays weak even with the same crossing, day and commodity, and says who holds it', () => {
    const a = bareSeizure('PK-ANF', 'ANF-9')
      .withPerson(suspect('Gul Ahmad Khan'))
      .withPhone('03001234567')
      .build();
    const b = bareSeizure('AF-CNPA', 'CNPA-9')
      .withPerson(suspect('Zahir Shah Durrani'))
      .withPhone('+92 300 1234567')
      .build();
    const result = compareCases(profileOf('seizure', a), profileOf('seizure', b));
    expect(result.link).toBe(false);
    const phone = result.reasons.find((r) => r.feature === 'PHONE')!;
    expect(phone.weak).toBe(true);
    expect(phone.detail).toContain('held by different persons: Gul Ahmad Khan / Zahir Shah Durrani');
  });

  it('still links with a compatible name across scripts on the same phone', () => {
    const a = bareSeizure('PK-ANF', 'ANF-9')
      .withPerson(suspect('Zahir Yousafzai'))
      .withPhone('03001234567')
      .build();
    const b = bareSeizure('AF-CNPA', 'CNPA-9')
      .withPerson(suspect('ظاهر یوسفزی'))
      .withPhone('+92 300 1234567')
      .build();
    expect(compareCases(profileOf('seizure', a), profileOf('seizure', b)).link).toBe(true);
  });
});
