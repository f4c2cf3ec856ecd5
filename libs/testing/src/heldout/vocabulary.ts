// Held-out vocabulary (docs/matching-names.md#held-out-evaluation): names written for this
// evaluation only, not taken from libs/testing/src/synthetic. Each entry is a name as an
// Afghan or Pakistani record would romanise it, with its Arabic-script spelling (Dari /
// Pashto / Urdu) as a record in that script would write it.

/** A name: its usual romanisation and its spelling in Arabic script. */
export interface HeldoutName {
  latin: string;
  script: string;
}

/** Names written one a line, the romanisation then the Arabic-script spelling. */
function names(lines: string): readonly HeldoutName[] {
  return lines
    .trim()
    .split('\n')
    .map((line) => {
      const [latin, ...script] = line.trim().split(/\s+/);
      return { latin, script: script.join(' ') };
    });
}

export const HELDOUT_GIVEN = names(`
  Bilal بلال
  Daud داود
  Farid فرید
  Idris ادریس
  Jalal جلال
  Kamran کامران
  Latif لطیف
  Mansur منصور
  Nasrullah نصرالله
  Obaidullah عبیدالله
  Qasim قاسم
  Rafiq رفیق
  Sadiq صادق
  Shafiq شفیق
  Tahir طاهر
  Wahid وحید
  Yaqub یعقوب
  Zubair زبیر
  Ismail اسماعیل
  Ibrahim ابراهیم
  Jamil جمیل
  Najib نجیب
  Rashid رشید
  Saeed سعید
  Sohail سهیل
  Aziz عزیز
  Bashir بشیر
  Hafiz حافظ
  Ikram اکرام
  Musa موسی
  Nasir ناصر
  Waheedullah وحیدالله
  Sharif شریف
  Khalil خلیل
  Mirwais میرویس
  Asadullah اسدالله
  Lutfullah لطف‌الله
  Javed جاوید
  Parvez پرویز
  Tariq طارق
`);

export const HELDOUT_FAMILY = names(`
  Zadran ځدران
  Wardak وردک
  Mangal منگل
  Jaji جاجی
  Kharoti خروتی
  Tanai تڼی
  Ludin لودین
  Niazi نیازی
  Marwat مروت
  Gandapur گنڈاپور
  Jadoon جدون
  Tanoli تنولی
  Swati سواتی
  Awan اعوان
  Taraki ترکی
  Rahimi رحیمی
  Karimi کریمی
  Hashimi هاشمی
  Sharifi شریفی
  Nazari نظری
  Popal پوپل
  Sahak سهاک
  Mohsini محسنی
  Rasuli رسولی
  Habibi حبیبی
  Ishaqzai اسحاقزی
  Kuchi کوچی
  Tokhi توخی
  Andar اندړ
  Samadi صمدی
`);

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
