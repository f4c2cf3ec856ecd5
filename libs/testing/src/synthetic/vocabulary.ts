// Word lists the synthetic generator draws from. Names are common Afghan and Pakistani
// given names and tribal/family names, so unrelated people share names as in real data.
import type { CommodityType, ReportCategory } from '@app/contracts';

/** Given names, canonical spelling. */
export const GIVEN_NAMES: readonly string[] = [
  'Muhammad',
  'Gul',
  'Ahmad',
  'Abdul Rahman',
  'Yousaf',
  'Hussain',
  'Hasan',
  'Mahmud',
  'Qadir',
  'Zahir',
  'Sher',
  'Nur',
  'Ali',
  'Umar',
  'Usman',
  'Karim',
  'Rasul',
  'Amin',
  'Ghulam',
  'Fazl',
  'Habib',
  'Jan',
  'Abdullah',
  'Rahmat',
  'Wali',
  'Naqib',
  'Bismillah',
  'Samiullah',
  'Zabihullah',
  'Hamid',
  'Farid',
  'Jamil',
  'Sadiq',
  'Tariq',
  'Javed',
  'Imran',
  'Bilal',
  'Asad',
  'Khalid',
  'Rashid',
  'Wahid',
  'Nasir',
  'Saeed',
  'Shafiq',
  'Latif',
  'Mir',
  'Daud',
  'Hikmat',
  'Noorullah',
  'Aziz',
  'Bashir',
  'Idris',
  'Ismail',
  'Yaqub',
  'Younas',
  'Zaman',
  'Shams',
  'Akbar',
  'Anwar',
  'Arif',
  'Sultan',
  'Najib',
  'Obaid',
  'Qasim',
];

/** Family and tribal names. */
export const FAMILY_NAMES: readonly string[] = [
  'Khan',
  'Afridi',
  'Shinwari',
  'Achakzai',
  'Noorzai',
  'Durrani',
  'Popalzai',
  'Barakzai',
  'Yousafzai',
  'Mohmand',
  'Wazir',
  'Mehsud',
  'Khattak',
  'Bangash',
  'Orakzai',
  'Kakar',
  'Tareen',
  'Baloch',
  'Rind',
  'Marri',
  'Bugti',
  'Hotak',
  'Ghilzai',
  'Safi',
  'Sherzad',
  'Ahmadzai',
  'Stanikzai',
  'Alokozai',
  'Qureshi',
  'Siddiqui',
  'Awan',
  'Jadoon',
  'Swati',
  'Tanoli',
  'Niazi',
  'Mengal',
  'Zehri',
  'Ansari',
];

/** Romanisations agencies use for the same name (canonical spelling → variants). */
export const TRANSLITERATIONS: Readonly<Record<string, readonly string[]>> = {
  Muhammad: ['Mohammad', 'Mohammed', 'Muhammed', 'Mohd', 'Mohamad'],
  Ahmad: ['Ahmed'],
  Gul: ['Gull'],
  'Abdul Rahman': ['Abdurrahman', 'Abd-ul Rehman', 'Abdul Rehman', 'Abdulrahman'],
  Rahmat: ['Rehmat'],
  Yousaf: ['Yusuf', 'Yousuf', 'Yusaf'],
  Hussain: ['Hussein', 'Husain', 'Hossain'],
  Hasan: ['Hassan'],
  Mahmud: ['Mahmood', 'Mehmood'],
  Qadir: ['Kadir', 'Qader'],
  Zahir: ['Zaheer'],
  Nur: ['Noor'],
  Umar: ['Omar', 'Umer'],
  Usman: ['Osman'],
  Karim: ['Kareem'],
  Rasul: ['Rasool'],
  Amin: ['Ameen'],
  Ghulam: ['Gholam'],
  Fazl: ['Fazal'],
  Habib: ['Habeeb'],
  Abdullah: ['Abdulla'],
  Noorullah: ['Nur Ullah', 'Noor Ullah', 'Nurullah'],
  Samiullah: ['Sami Ullah'],
  Zabihullah: ['Zabih Ullah'],
};

/** Titles some agencies prefix to a name. */
export const HONORIFICS: readonly string[] = ['Haji', 'Mr.', 'Mullah', 'Maulvi'];

/** Afghan plate province codes. */
export const AF_PLATE_CODES: readonly string[] = [
  'KBL',
  'KDR',
  'HRT',
  'NGR',
  'BLK',
  'KDZ',
  'PKT',
  'GZN',
  'HLM',
  'FRH',
];
/** Pakistani plate series. */
export const PK_PLATE_CODES: readonly string[] = [
  'LES',
  'LEA',
  'LEB',
  'LEC',
  'LED',
  'LEE',
  'LEF',
  'ISB',
  'IDA',
  'IDB',
  'RIK',
  'RIL',
  'PSH',
  'PRA',
  'QTA',
  'QAA',
  'KHI',
  'BFK',
  'BGK',
  'AKT',
  'AMM',
  'FDA',
  'GAA',
  'MNA',
  'SGD',
];
/** ISO 6346 owner codes with the `U` category letter. */
export const CONTAINER_OWNERS: readonly string[] = [
  'MSCU',
  'MAEU',
  'CMAU',
  'HLXU',
  'TGHU',
  'CSQU',
  'OOLU',
  'EGHU',
  'TCNU',
  'SEGU',
];
/** Organisation name stems and the forms they are written in. */
export const ORG_STEMS: readonly string[] = [
  'Khyber Gate',
  'Spin Ghar',
  'Hindu Kush',
  'Bolan',
  'Indus Valley',
  'Kabul River',
  'Helmand Star',
  'Silk Road',
  'Durand',
  'Peshawar Fresh',
  'Chaman Fruit',
  'Torkham Freight',
  'Tirah',
  'Zhob',
  'Swat Gems',
];
/** Legal suffixes written after an organisation name. */
export const ORG_SUFFIXES: readonly string[] = [
  'Trading Co',
  'Pvt Ltd',
  'Co.',
  '(Private) Limited',
  'Trading Company',
  '',
];
/** Descriptive words between stem and suffix; part of the name. */
export const ORG_KINDS: readonly string[] = [
  'Traders',
  'Logistics',
  'Transport',
  'Goods',
  'Enterprises',
  'Exports',
];

/** Agencies per country (docs/contract.md#agencies). */
export const AGENCIES = {
  AF: ['AF-CNPA', 'AF-ABP', 'AF-ACD'],
  PK: ['PK-ANF', 'PK-FIA', 'PK-CUS'],
} as const;

/** Land crossings on the AF–PK border and the ports where containers are seized. */
export const BORDER_CROSSINGS: readonly (readonly [string, number])[] = [
  ['TORKHAM', 40],
  ['CHAMAN_SPIN_BOLDAK', 30],
  ['GHULAM_KHAN', 10],
  ['ANGOOR_ADDA', 8],
  ['KHARLACHI', 6],
];
/** Seaports (containers). */
export const PORTS: readonly string[] = ['KARACHI_PORT', 'PORT_QASIM'];

/** Towns routes start and end at. */
export const AF_TOWNS: readonly (readonly [string, number, number])[] = [
  ['Lashkar Gah', 31.593, 64.371],
  ['Kandahar', 31.61, 65.71],
  ['Jalalabad', 34.43, 70.45],
  ['Kabul', 34.53, 69.17],
  ['Herat', 34.35, 62.2],
];
/** Towns routes end at in Pakistan. */
export const PK_TOWNS: readonly (readonly [string, number, number])[] = [
  ['Peshawar', 34.015, 71.525],
  ['Quetta', 30.18, 67.0],
  ['Lahore', 31.55, 74.35],
  ['Islamabad', 33.69, 73.05],
];

/** Commodity mixes of ring kinds, with the report category and a typical quantity range. */
export const RING_KINDS: readonly {
  category: ReportCategory;
  commodities: readonly CommodityType[];
  weight: number;
}[] = [
  { category: 'DRUGS', commodities: ['HEROIN', 'OPIUM'], weight: 30 },
  { category: 'DRUGS', commodities: ['METHAMPHETAMINE'], weight: 15 },
  { category: 'DRUGS', commodities: ['HASHISH', 'CANNABIS_HERB'], weight: 15 },
  { category: 'PRECURSORS', commodities: ['ACETIC_ANHYDRIDE'], weight: 8 },
  { category: 'PRECURSORS', commodities: ['EPHEDRINE', 'PSEUDOEPHEDRINE'], weight: 5 },
  { category: 'CONTRABAND', commodities: ['CIGARETTES', 'ELECTRONICS'], weight: 10 },
  { category: 'CONTRABAND', commodities: ['FUEL', 'CURRENCY'], weight: 5 },
  { category: 'MIGRANT_SMUGGLING', commodities: [], weight: 6 },
  { category: 'TRAFFICKING_IN_PERSONS', commodities: [], weight: 3 },
];
