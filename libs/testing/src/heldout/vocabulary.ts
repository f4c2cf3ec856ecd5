// Held-out vocabulary (docs/matching-names.md#held-out-evaluation): names written for this
// evaluation only, not taken from libs/testing/src/synthetic. Each entry is a name as an
// Afghan or Pakistani record would romanise it, with its Arabic-script spelling (Dari /
// Pashto / Urdu) as a record in that script would write it.

/** A name: its usual romanisation and its spelling in Arabic script. */
export interface HeldoutName {
  latin: string;
  script: string;
}

export const HELDOUT_GIVEN: readonly HeldoutName[] = [
  { latin: 'Bilal', script: 'بلال' },
  { latin: 'Daud', script: 'داود' },
  { latin: 'Farid', script: 'فرید' },
  { latin: 'Idris', script: 'ادریس' },
  { latin: 'Jalal', script: 'جلال' },
  { latin: 'Kamran', script: 'کامران' },
  { latin: 'Latif', script: 'لطیف' },
  { latin: 'Mansur', script: 'منصور' },
  { latin: 'Nasrullah', script: 'نصرالله' },
  { latin: 'Obaidullah', script: 'عبیدالله' },
  { latin: 'Qasim', script: 'قاسم' },
  { latin: 'Rafiq', script: 'رفیق' },
  { latin: 'Sadiq', script: 'صادق' },
  { latin: 'Shafiq', script: 'شفیق' },
  { latin: 'Tahir', script: 'طاهر' },
  { latin: 'Wahid', script: 'وحید' },
  { latin: 'Yaqub', script: 'یعقوب' },
  { latin: 'Zubair', script: 'زبیر' },
  { latin: 'Ismail', script: 'اسماعیل' },
  { latin: 'Ibrahim', script: 'ابراهیم' },
  { latin: 'Jamil', script: 'جمیل' },
  { latin: 'Najib', script: 'نجیب' },
  { latin: 'Rashid', script: 'رشید' },
  { latin: 'Saeed', script: 'سعید' },
  { latin: 'Sohail', script: 'سهیل' },
  { latin: 'Aziz', script: 'عزیز' },
  { latin: 'Bashir', script: 'بشیر' },
  { latin: 'Hafiz', script: 'حافظ' },
  { latin: 'Ikram', script: 'اکرام' },
  { latin: 'Musa', script: 'موسی' },
  { latin: 'Nasir', script: 'ناصر' },
  { latin: 'Waheedullah', script: 'وحیدالله' },
  { latin: 'Sharif', script: 'شریف' },
  { latin: 'Khalil', script: 'خلیل' },
  { latin: 'Mirwais', script: 'میرویس' },
  { latin: 'Asadullah', script: 'اسدالله' },
  { latin: 'Lutfullah', script: 'لطف‌الله' },
  { latin: 'Javed', script: 'جاوید' },
  { latin: 'Parvez', script: 'پرویز' },
  { latin: 'Tariq', script: 'طارق' },
];

export const HELDOUT_FAMILY: readonly HeldoutName[] = [
  { latin: 'Zadran', script: 'ځدران' },
  { latin: 'Wardak', script: 'وردک' },
  { latin: 'Mangal', script: 'منگل' },
  { latin: 'Jaji', script: 'جاجی' },
  { latin: 'Kharoti', script: 'خروتی' },
  { latin: 'Tanai', script: 'تڼی' },
  { latin: 'Ludin', script: 'لودین' },
  { latin: 'Niazi', script: 'نیازی' },
  { latin: 'Marwat', script: 'مروت' },
  { latin: 'Gandapur', script: 'گنڈاپور' },
  { latin: 'Jadoon', script: 'جدون' },
  { latin: 'Tanoli', script: 'تنولی' },
  { latin: 'Swati', script: 'سواتی' },
  { latin: 'Awan', script: 'اعوان' },
  { latin: 'Taraki', script: 'ترکی' },
  { latin: 'Rahimi', script: 'رحیمی' },
  { latin: 'Karimi', script: 'کریمی' },
  { latin: 'Hashimi', script: 'هاشمی' },
  { latin: 'Sharifi', script: 'شریفی' },
  { latin: 'Nazari', script: 'نظری' },
  { latin: 'Popal', script: 'پوپل' },
  { latin: 'Sahak', script: 'سهاک' },
  { latin: 'Mohsini', script: 'محسنی' },
  { latin: 'Rasuli', script: 'رسولی' },
  { latin: 'Habibi', script: 'حبیبی' },
  { latin: 'Ishaqzai', script: 'اسحاقزی' },
  { latin: 'Kuchi', script: 'کوچی' },
  { latin: 'Tokhi', script: 'توخی' },
  { latin: 'Andar', script: 'اندړ' },
  { latin: 'Samadi', script: 'صمدی' },
];

/** Agencies of the held-out scenario (country prefix, as the contract requires). */
export const HELDOUT_AGENCIES: readonly string[] = [
  'AF-CNPA',
  'AF-ACD',
  'AF-MCN',
  'PK-ANF',
  'PK-FIA',
  'PK-CUS',
];

/** Crossing points of the held-out scenario (codes of the shipped gazetteer). */
export const HELDOUT_CROSSINGS: readonly string[] = [
  'TORKHAM',
  'CHAMAN_SPIN_BOLDAK',
  'GHULAM_KHAN',
  'ANGOOR_ADDA',
  'KHARLACHI',
  'KARACHI_PORT',
];
