import { stripZeroWidth, toLatinConfusables } from './confusables';
import { foldArabicScript, toAsciiDigits } from './digits';
import {
  formRelation,
  isArabicScript,
  keySkeleton,
  splitDigraphForm,
  tokenForm,
  transliterateArabic,
  typingSlip,
  type TokenForm,
} from './name-skeleton';

/** A person name as canonical tokens (name order), an order-free key and a cleaned display form. */
export interface NormalisedPersonName {
  /** Canonical tokens in name order: a romanisation's spelling, or an Arabic-script word transliterated. */
  tokens: string[];
  /**
   * Order-free key shared across scripts and romanisations: per token its canonical name when
   * it is a known one (MUHAMMAD, ABDULRAHMAN), else its consonant skeleton (`Yousafzai` and
   * `یوسفزی` → YSFZ); sorted. Blocking and the pre-check look names up by it.
   */
  key: string;
  display: string;
  /** Some tokens were written in Arabic script (their vowels are the written long ones only). */
  arabic?: true;
  /** Per token, the word(s) it was read from as the agency wrote them (for reasons). */
  spelled?: string[];
}

// Romanisations of one Arabic/Persian/Pashto name that AF and PK agencies use interchangeably.
// Only spellings of the same written name are merged: Qadir (قادر) and Qadeer (قدیر), or
// Hamid and Hameed, are different names and stay apart; Khan and Kahn are different too.
const VARIANT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  MUHAMMAD: [
    'muhammad',
    'mohammad',
    'mohammed',
    'muhammed',
    'mohamed',
    'mohamad',
    'muhamad',
    'muhamed',
    'mohd',
    'md',
    'mohamood',
    'mohammod',
    'mohmmad',
    'muhammadh',
    'mahomed',
  ],
  AHMAD: ['ahmad', 'ahmed', 'ahmid'],
  GUL: ['gul', 'gull', 'gol'],
  RAHMAN: ['rahman', 'rehman', 'rahmaan', 'rehmaan', 'rahmon'],
  RAHMAT: ['rahmat', 'rehmat'],
  YUSUF: ['yusuf', 'yousaf', 'yousuf', 'yosuf', 'yusef', 'yousef', 'yusif', 'yousif', 'yusaf'],
  HUSSAIN: ['hussain', 'hussein', 'husain', 'hossain', 'husein', 'hosain', 'hussian', 'husayn', 'hussayn'],
  HASAN: ['hasan', 'hassan'],
  MAHMUD: ['mahmud', 'mahmood', 'mehmood', 'mahmoud', 'mehmud'],
  QADIR: ['qadir', 'kadir', 'qader', 'kader'],
  ZAHIR: ['zahir', 'zaheer', 'zaher'],
  SHER: ['sher', 'shir'],
  NUR: ['nur', 'noor', 'nour'],
  ALI: ['ali', 'aly'],
  KHAN: ['khan', 'khaan'],
  UMAR: ['umar', 'omar', 'umer', 'omer'],
  USMAN: ['usman', 'osman', 'uthman', 'othman'],
  KARIM: ['karim', 'kareem'],
  RASUL: ['rasul', 'rasool'],
  AMIN: ['amin', 'ameen'],
  GHULAM: ['ghulam', 'gholam', 'golam'],
  FAZL: ['fazl', 'fazal', 'fazle', 'fazel'],
  HABIB: ['habib', 'habeeb'],
  JAN: ['jan', 'jaan'],
  ABDULLAH: ['abdullah', 'abdulla', 'abdallah', 'abdalla'],
};
const VARIANTS: ReadonlyMap<string, string> = new Map(
  Object.entries(VARIANT_GROUPS).flatMap(([canonical, spellings]) =>
    spellings.map((s) => [s, canonical] as const),
  ),
);

// Forms of address and religious or academic titles: recorded by one agency, omitted by the
// next. `Syed`/`Sayed` is a lineage name rather than a title, so it is kept.
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'engr',
  'eng',
  'janab',
  'sahib',
  'saheb',
  'sahab',
  'haji',
  'hajji',
  'hadji',
  'haj',
  'hajj',
  'alhaj',
  'alhaaj',
  'alhajj',
  'mullah',
  'mulla',
  'mullo',
  'maulvi',
  'molvi',
  'moulvi',
  'mawlawi',
  'maulavi',
  'mawlavi',
  'maulana',
  'mawlana',
  'molana',
  'qari',
]);

// The same titles in Dari, Pashto and Urdu script (after foldArabicScript).
const ARABIC_HONORIFICS = new Set([
  'حاجی',
  'حاج',
  'الحاج',
  'ملا',
  'مولوی',
  'مولانا',
  'قاری',
  'جناب',
  'آقای',
  'اقای',
  'داکتر',
  'دکتر',
  'انجنیر',
  'صاحب',
]);
// Son / daughter / wife of, in Dari, Pashto and Urdu script.
const ARABIC_RELATION_WORDS = new Set(['ولد', 'بن', 'بنت', 'فرزند', 'پسر', 'دختر', 'زوجه', 'زوی', 'لور']);

// Arabic article and Persian/Urdu linking vowels written as separate words (`Fazl ur Rahman`).
const PARTICLES = new Set(['al', 'el', 'ul', 'ur', 'ud', 'us', 'ad', 'ar', 'as', 'e']);
const ABD_PREFIXES = [
  'abdul',
  'abdal',
  'abdel',
  'abdur',
  'abdar',
  'abdus',
  'abdas',
  'abdol',
  'abdu',
  'abdo',
  'abd',
];
// Words that begin like an `Abd-` compound but are not one (the Abdali tribe).
const NOT_ABD_COMPOUNDS = new Set(['abdali']);
const ULLAH_WORDS = new Set(['ullah', 'ulla', 'ulah', 'allah', 'alla', 'ollah']);
const DIN_WORDS = new Set(['din', 'deen', 'uddin', 'uddeen']);
const PLACEHOLDERS = new Set([
  'unknown',
  'unk',
  'na',
  'n a',
  'nil',
  'none',
  'null',
  'nk',
  'not known',
  'unidentified',
  'no name',
  'anonymous',
  'x',
  'xx',
  'xxx',
]);

// Everything after "son of / daughter of / wife of / care of / resident of" names another
// person or a place; keeping it would make a son match his father.
const RELATION_MARKER =
  /(?:^|[\s,.;:()])(?:[sdwcr]\s*[/\\]\s*o\b\.?|[sdw]\.\s*o\.|son\s+of|daughter\s+of|wife\s+of|bin|binti|bint|ibn|walad|wald|valad|waled|walade)(?=$|[\s,.;:()])/;

const LATIN_FOLDS: Readonly<Record<string, string>> = {
  ı: 'i',
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  đ: 'd',
  ð: 'd',
  þ: 'th',
};

function canonicalToken(token: string): string {
  const variant = VARIANTS.get(token);
  if (variant) return variant;
  if (!NOT_ABD_COMPOUNDS.has(token)) {
    for (const prefix of ABD_PREFIXES) {
      const rest = token.slice(prefix.length);
      // `Abdulrahman`, `Abdurrahman`, `Abd-al-Rahman` are one name: ABDUL + the attribute.
      if (token.startsWith(prefix) && rest.length >= 3) return `ABDUL${canonicalToken(rest)}`;
    }
  }
  const ullah = /^(.{3,}?)[uao]llah?$/.exec(token);
  if (ullah) return `${canonicalToken(ullah[1])}ULLAH`;
  // The linking vowel is written (`Salahuddin`, `Nizamudin`): `Luddin` is Ludin with a doubled d.
  const uddin = /^(.{3,}?)(?:ud|ad|ed|u|e|a)d(?:i|ee)n$/.exec(token);
  if (uddin) return `${canonicalToken(uddin[1])}UDDIN`;
  return token.toUpperCase();
}

// Joins the pieces of compound names written apart (`Abdul Rahman`, `Rahmat Ullah`,
// `Salah ud Din`) so they come out as the single-word spellings do. `words` are the
// lower-case Latin readings, `written` the words as the agency wrote them (same length);
// each token comes with the written words it was made of.
function canonicalTokens(words: readonly string[], written: readonly string[]): [string[], string[]] {
  const out: string[] = [];
  const from: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const next = words.slice(i + 1).find((w) => !PARTICLES.has(w));
    if (ABD_PREFIXES.includes(word) && next !== undefined) {
      const start = i;
      while (PARTICLES.has(words[i + 1])) i++;
      i++;
      out.push(ULLAH_WORDS.has(next) ? 'ABDULLAH' : `ABDUL${canonicalToken(next)}`);
      from.push(written.slice(start, i + 1).join(' '));
    } else if (ULLAH_WORDS.has(word) && out.length > 0) {
      out[out.length - 1] += 'ULLAH';
      from[from.length - 1] += ` ${written[i]}`;
    } else if (DIN_WORDS.has(word) && out.length > 0) {
      out[out.length - 1] += 'UDDIN';
      from[from.length - 1] += ` ${written[i]}`;
    } else if (!PARTICLES.has(word)) {
      out.push(canonicalToken(word));
      from.push(written[i]);
    }
  }
  return [out, from];
}

// Common names whose Arabic-script spelling does not transliterate letter by letter to a
// spelling of VARIANT_GROUPS (short vowels unwritten: محمد is m-h-m-d). Everything else is
// transliterated and compared by consonant skeleton (name-skeleton.ts).
const ARABIC_NAMES: Readonly<Record<string, string>> = {
  محمد: 'muhammad',
  احمد: 'ahmad',
  گل: 'gul',
  رحمن: 'rahman',
  رحمان: 'rahman',
  رحمت: 'rahmat',
  یوسف: 'yusuf',
  حسین: 'hussain',
  حسن: 'hasan',
  محمود: 'mahmud',
  قادر: 'qadir',
  ظاهر: 'zahir',
  زاهر: 'zahir',
  شیر: 'sher',
  نور: 'nur',
  علی: 'ali',
  خان: 'khan',
  عمر: 'umar',
  عثمان: 'usman',
  کریم: 'karim',
  رسول: 'rasul',
  امین: 'amin',
  غلام: 'ghulam',
  فضل: 'fazl',
  حبیب: 'habib',
  جان: 'jan',
};
const ARABIC_ARTICLE = 'ال';
const ARABIC_ALLAH = 'الله';

/** The Latin reading of one Arabic-script word: a known name, a compound piece, or its transliteration. */
function arabicWordReading(word: string): string {
  const known = ARABIC_NAMES[word];
  if (known) return known;
  if (word === 'عبد') return 'abd';
  if (word === ARABIC_ALLAH) return 'allah';
  if (word === 'الدین' || word === 'دین') return 'din';
  if (word.length > 4 && word.endsWith(ARABIC_ALLAH)) {
    return `${arabicWordReading(word.slice(0, -ARABIC_ALLAH.length))}ullah`;
  }
  if (word.length > 5 && word.endsWith('الدین')) return `${arabicWordReading(word.slice(0, -5))}uddin`;
  if (word.length > 4 && word.startsWith('عبد')) {
    const rest = word.slice(3);
    return `abd${arabicWordReading(rest.startsWith(ARABIC_ARTICLE) ? rest.slice(2) : rest)}`;
  }
  // The article written on its own word (`فضل الرحمن`): romanisations drop it (`Fazl Rahman`).
  if (word.length > 3 && word.startsWith(ARABIC_ARTICLE)) return arabicWordReading(word.slice(2));
  return transliterateArabic(word).toLowerCase();
}

// A word mixing Latin letters with Cyrillic or Greek lookalikes (`Аhmad` with a Cyrillic `А`)
// is a Latin word: its lookalikes read as their Latin letters (TR39). A word wholly in
// Cyrillic or Greek is a name in that script and stays as written.
function latiniseMixedScript(word: string): string {
  if (!/[a-z]/.test(word) || !/[\u0370-\u052f]/u.test(word)) return word;
  return toLatinConfusables(word).toLowerCase();
}

// A non-joiner between Arabic-script letters, followed by three or more: the next part may be a
// word of its own. In Latin text a non-joiner is an invisible leftover, never a space.
const ZWNJ_BEFORE_WORD = /(?<=[\u0600-\u06ff])\u200c(?=([\u0600-\u06ff]{3,}))/gu;
// Endings written after a non-joiner that are not words (`زئی`, the -zai of Pashto tribal names).
const ZWNJ_SUFFIXES: ReadonlySet<string> = new Set(['زئی', 'زای', 'های']);

/** Splits a raw name into cleaned lower-case words: relatives cut, `Surname, Given` reordered, titles dropped. */
function cleanWords(raw: string): string[] {
  // A zero-width non-joiner before a word of its own is the space Persian typists write between
  // the parts of a compound name (`گل‌محمد` is `گل محمد`, `رحمت‌الله` is `رحمت الله`); before a
  // suffix (`یوسف‌زئی`) it is spelling inside one word. Other zero-width characters are removed.
  const spaced = raw.replace(ZWNJ_BEFORE_WORD, (zwnj: string, next: string) =>
    ZWNJ_SUFFIXES.has(next) ? zwnj : ' ',
  );
  let text = foldArabicScript(toAsciiDigits(stripZeroWidth(spaced)))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u064a\u0649\u0643\u0629]/g, (ch) => foldArabicScript(ch))
    .toLowerCase()
    .replace(/[ıøłßæđðþ]/g, (ch) => LATIN_FOLDS[ch] ?? ch)
    // Ayn and hamza marks sit inside a word (`Ja'far`): drop them without splitting it.
    .replace(/['`´ʿʾʼ‘’]/g, '');
  const marker = RELATION_MARKER.exec(text);
  if (marker) {
    const before = text.slice(0, marker.index);
    text = /\p{L}/u.test(before) ? before : text.slice(marker.index + marker[0].length);
  }
  const parts = text.split(',').filter((p) => /\p{L}/u.test(p));
  // `Khan, Gul Ahmad`: a single comma separates a leading surname from the given names.
  if (parts.length === 2) text = `${parts[1]} ${parts[0]}`;
  const words = text
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
    .split(' ')
    .map(latiniseMixedScript)
    .filter((w) => w !== '' && !HONORIFICS.has(w) && !ARABIC_HONORIFICS.has(w));
  // `احمد ولد محمود` (Ahmad son of Mahmud): the father's name is cut as in Latin script.
  const relation = words.findIndex((w, i) => i > 0 && ARABIC_RELATION_WORDS.has(w));
  return relation > 0 ? words.slice(0, relation) : words;
}

/** Normalises a person name: case, punctuation, diacritics, token order, titles, relatives and transliteration variants. */
export function normalisePersonName(raw: string): NormalisedPersonName | null {
  const words = cleanWords(raw);
  if (words.length === 0 || PLACEHOLDERS.has(words.join(' '))) return null;
  const arabic = words.some(isArabicScript);
  const readings = arabic ? words.map((w) => (isArabicScript(w) ? arabicWordReading(w) : w)) : words;
  const written = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  const [tokens, spelled] = canonicalTokens(readings, written);
  if (tokens.length === 0) return null;
  const key = tokens
    .map((t) => keyToken(t, arabic))
    .sort()
    .join(' ');
  return { tokens, key, display: written.join(' '), ...(arabic ? { arabic: true as const } : {}), spelled };
}

const KNOWN_NAMES: ReadonlySet<string> = new Set(Object.keys(VARIANT_GROUPS));

const knownCache = new Map<string, boolean>();

/** A canonical token of VARIANT_GROUPS, or a compound of them (ABDULRAHMAN, NURULLAH). */
export function isKnownToken(token: string): boolean {
  let known = knownCache.get(token);
  if (known === undefined) {
    known = knownTokenUncached(token);
    if (knownCache.size >= 100_000) knownCache.clear();
    knownCache.set(token, known);
  }
  return known;
}

function knownTokenUncached(token: string): boolean {
  if (KNOWN_NAMES.has(token) || token === 'ABDULLAH') return true;
  if (token.startsWith('ABDUL') && token.length > 5) return knownTokenUncached(token.slice(5));
  if ((token.endsWith('ULLAH') || token.endsWith('UDDIN')) && token.length > 5)
    return knownTokenUncached(token.slice(0, -5));
  return false;
}

/**
 * The key of one token: its canonical name when known, else its consonant skeleton, with a
 * consonant + H read as one digraph (`اسحاقزی` and `Ishaqzai` → AQKZ; keySkeleton).
 */
function keyToken(token: string, arabic: boolean): string {
  if (isKnownToken(token)) return token;
  const skeleton = tokenForm(token, arabic).skeleton;
  return skeleton === '' ? token : keySkeleton(skeleton);
}

// Scratch flags of jaroWinkler, grown as needed (no allocation per call: it runs for every
// pair of tokens of every pair of compared names).
let aMatched = new Uint8Array(64);
let bMatched = new Uint8Array(64);

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to four prefix characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  if (aMatched.length < a.length) aMatched = new Uint8Array(a.length * 2);
  if (bMatched.length < b.length) bMatched = new Uint8Array(b.length * 2);
  aMatched.fill(0, 0, a.length);
  bMatched.fill(0, 0, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const end = Math.min(b.length, i + window + 1);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (bMatched[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        aMatched[i] = bMatched[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (aMatched[i] === 0) continue;
    while (bMatched[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < Math.min(a.length, b.length) && a.charCodeAt(prefix) === b.charCodeAt(prefix))
    prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Pairs whose similarity falls below this are different words, not spellings of each other.
const TOKEN_MATCH_FLOOR = 0.85;
/** Token similarity of two spellings with the same consonant skeleton and compatible vowels. */
export const SKELETON_SIMILARITY = 0.95;
/** Token similarity when one spelling dropped a leading vowel (`Afridi` / `Fridi`). */
export const DROPPED_VOWEL_SIMILARITY = 0.85;
/**
 * Token similarity of a Latin spelling that writes a vowel long where the Arabic-script spelling
 * of the same consonants writes none (`Hasheemee` / `هاشمی`, `Qaseem` / `قاسم`): a weak pair.
 */
export const UNWRITTEN_LONG_VOWEL_SIMILARITY = 0.88;
/**
 * Token similarity of two Latin spellings that differ only in their first letter, by a slip of
 * the keys (`Kamal` / `Jamal`): typists rarely mistype a first letter, and such a pair is as
 * often two names: a weak pair.
 */
export const FIRST_LETTER_SIMILARITY = 0.85;
/**
 * A name that needed a weak token pair (one of the two above) is compatible at most: it supports
 * a phone or a document, but stays below the name + date of birth threshold (0.93) however many
 * other tokens agree (twins `Kamal Ahmad Sharifi` / `Jamal Ahmad Sharifi`).
 */
const WEAK_NAME_CEILING = 0.92;
/**
 * Token similarity of two spellings one typing slip apart (`Ali` / `Ai`, `Msnsur` / `Mansur`):
 * below a respelling, and high enough that a name with one slip and one respelled token still
 * reaches the name + date of birth threshold ((0.92 + 0.95) / 2 ≥ 0.93).
 */
const TYPO_SIMILARITY = 0.92;
/** At most this for two tokens no rule explains: below TOKEN_MATCH_FLOOR, they never pair. */
const DIFFERENT_NAME_SIMILARITY = 0.8;

/** Why two tokens were paired. */
export type TokenRule =
  | 'same'
  | 'variant'
  | 'skeleton'
  | 'long-vowel'
  | 'article'
  | 'dropped-vowel'
  | 'typo'
  | 'first-letter'
  | 'spelling';

interface TokenPairing {
  sim: number;
  rule: TokenRule;
}

// True when a and b are one insertion, deletion, substitution or adjacent swap apart.
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Similarity of two canonical tokens and the rule that found it: equal; two distinct known
 * names (MUHAMMAD / MAHMUD) by spelling only; the same consonant skeleton with compatible
 * vowels (any script); a dropped leading vowel; else Jaro-Winkler (Latin), or Jaro-Winkler of
 * the skeletons, discounted, across scripts.
 */
export function tokenSimilarity(a: string, aArabic: boolean, b: string, bArabic: boolean): TokenPairing {
  const sim = tokenScore(a, aArabic, b, bArabic);
  return { sim, rule: lastRule };
}

// The rule of the last tokenScore (no object per token pair: names are compared by the million).
let lastRule: TokenRule = 'same';

function ruled(rule: TokenRule, sim: number): number {
  lastRule = rule;
  return sim;
}

function tokenScore(a: string, aArabic: boolean, b: string, bArabic: boolean): number {
  if (a === b) return ruled('same', 1);
  const aKnown = isKnownToken(a);
  const bKnown = isKnownToken(b);
  const aScript = aArabic && !aKnown;
  const bScript = bArabic && !bKnown;
  // Two different names of VARIANT_GROUPS are different names, however alike (Hasan /
  // Hussain, Muhammad / Mahmud): the groups hold every spelling that is one name.
  if (aKnown && bKnown) return ruled('spelling', 0.5 * jaroWinkler(a, b));
  const fa = tokenForm(a, aScript);
  const fb = tokenForm(b, bScript);
  let relation = formRelation(fa, aScript, fb, bScript);
  if (relation === undefined && aScript !== bScript) {
    // A Latin `sh` (or `kh`, `th`, …) where the script writes two letters (`Ishaq` / اسحاق).
    const split = splitDigraphForm(aScript ? b : a);
    const splitRelation = split && formRelation(aScript ? fa : split, aScript, aScript ? split : fb, bScript);
    if (splitRelation === 'same-skeleton' || splitRelation === 'unwritten-long-vowel')
      relation = splitRelation;
  }
  if (relation === 'same-skeleton') return ruled('skeleton', SKELETON_SIMILARITY);
  if (relation === 'unwritten-long-vowel') return ruled('long-vowel', UNWRITTEN_LONG_VOWEL_SIMILARITY);
  if (relation === undefined && (articleOn(a, aScript, fb, bScript) || articleOn(b, bScript, fa, aScript)))
    return ruled('article', SKELETON_SIMILARITY);
  const bothLatin = !aScript && !bScript;
  if (relation === 'different-vowels') {
    // A long vowel one spelling writes and the other cannot have is another name (`Nazeer` /
    // `Nazar`), unless one slip of the keys made it (`Achakza` / `Achakzai`).
    if (bothLatin && Math.max(a.length, b.length) >= 3 && oneEditApart(a, b))
      return ruled('typo', TYPO_SIMILARITY);
    return ruled('spelling', Math.min(DIFFERENT_NAME_SIMILARITY, jaroWinkler(a, b)));
  }
  // A known name is spelled with its leading vowel (Ahmad is not Hamid).
  if (relation === 'dropped-initial-vowel' && !aKnown && !bKnown)
    return ruled('dropped-vowel', DROPPED_VOWEL_SIMILARITY);
  // Different skeletons: the same name only when a typing slip explains the difference.
  if (!typingSlip(a, fa, b, fb, bothLatin)) {
    return ruled('spelling', Math.min(DIFFERENT_NAME_SIMILARITY, jaroWinkler(a, b)));
  }
  if (bothLatin) {
    return firstLetterSwapped(a, b)
      ? ruled('first-letter', FIRST_LETTER_SIMILARITY)
      : ruled('typo', TYPO_SIMILARITY);
  }
  return ruled('typo', 0.92 * jaroWinkler(fa.skeleton, fb.skeleton));
}

/** Two spellings of one length that differ in their first letter only (`Kamal` / `Jamal`). */
function firstLetterSwapped(a: string, b: string): boolean {
  return a.length === b.length && a[0] !== b[0] && a.slice(1) === b.slice(1);
}

// The Arabic article joined to the end of a Latin name before the next one (`Habibur Rehman`,
// `Ziaul Haq`): -ul, or -u plus the sun letter it became (ur, ud, us, uz, ut, ush). Never read
// into a known name: `Rahman` is not `Rahim` with an article.
const JOINED_ARTICLE = /^(.{3,}?)u(?:l|r|d|s|z|t|sh)$/;

/** True when Latin `token` is the other token's name with the article joined to its end. */
function articleOn(token: string, script: boolean, other: TokenForm, otherScript: boolean): boolean {
  if (script || isKnownToken(token)) return false;
  const stem = JOINED_ARTICLE.exec(token.toLowerCase())?.[1];
  return (
    stem !== undefined && formRelation(tokenForm(stem, false), false, other, otherScript) === 'same-skeleton'
  );
}

interface PairedToken {
  i: number;
  j: number;
  sim: number;
  rule: TokenRule;
}

// Greedy one-to-one pairing of the most similar tokens; unpaired tokens count as zero, so
// `Gul Ahmad` against `Gul Ahmad Khan` scores 2/3. Greedy: the best pair whose tokens are
// both still free (higher score first, then lower i, then lower j), until none reaches the
// floor. Names have a handful of tokens, so this scans a small score table.
// Scratch score table of tokenSetOneWay, grown as needed.
let scratch = new Float64Array(64);
let weakScratch = new Uint8Array(64);
// How many token pairs the last tokenSetOneWay made, and whether one was weak.
let lastPairCount = 0;
let lastWeakPair = false;

function tokenSetOneWay(a: NormalisedPersonName, b: NormalisedPersonName, pairs?: PairedToken[]): number {
  const n = a.tokens.length;
  const m = b.tokens.length;
  if (scratch.length < n * m) {
    scratch = new Float64Array(n * m * 2);
    weakScratch = new Uint8Array(n * m * 2);
  }
  const scores = scratch;
  const weak = weakScratch;
  const rules: TokenRule[] | undefined = pairs ? new Array<TokenRule>(n * m) : undefined;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      scores[i * m + j] = tokenScore(a.tokens[i], a.arabic === true, b.tokens[j], b.arabic === true);
      weak[i * m + j] = lastRule === 'long-vowel' || lastRule === 'first-letter' ? 1 : 0;
      if (rules) rules[i * m + j] = lastRule;
    }
  }
  let total = 0;
  lastPairCount = 0;
  lastWeakPair = false;
  for (;;) {
    let best = -1;
    let bestScore = TOKEN_MATCH_FLOOR;
    for (let p = 0; p < n * m; p++) {
      const score = scores[p];
      // Row-major scan, strictly greater: of equal scores the lowest i, then j, wins.
      if (score > bestScore || (best < 0 && score === bestScore)) {
        best = p;
        bestScore = score;
      }
    }
    if (best < 0) break;
    total += bestScore;
    lastPairCount++;
    if (weak[best] === 1) lastWeakPair = true;
    // Both tokens are taken: their row and column drop out.
    const bi = Math.floor(best / m);
    const bj = best % m;
    pairs?.push({ i: bi, j: bj, sim: bestScore, rule: rules![best] });
    for (let j = 0; j < m; j++) scores[bi * m + j] = -1;
    for (let i = 0; i < n; i++) scores[i * m + bj] = -1;
  }
  return total / Math.max(n, m);
}

/** How two names compare: a similarity and, when not spelled alike, what made them compatible. */
export interface NameComparison {
  similarity: number;
  /** e.g. `Yusufzai ~ Yousafzai: same consonant skeleton`; absent when spelled alike. */
  because?: string;
}

const RULE_WORDS: Readonly<Record<TokenRule, string>> = {
  same: 'same name',
  variant: 'spellings of one name',
  skeleton: 'same consonant skeleton',
  'long-vowel': 'same consonant skeleton, a vowel written long that the script does not write',
  article: 'same name, article joined to it',
  'dropped-vowel': 'same consonant skeleton, leading vowel dropped',
  typo: 'one typing slip apart',
  'first-letter': 'first letter differs (a slip of the keys, or another name)',
  spelling: 'similar spelling',
};

function spelledToken(name: NormalisedPersonName, i: number): string {
  return name.spelled?.[i] ?? name.tokens[i];
}

function explain(
  a: NormalisedPersonName,
  b: NormalisedPersonName,
  pairs: readonly PairedToken[],
): string | undefined {
  const crossScript = (a.arabic === true) !== (b.arabic === true);
  // Every token a known name, in two scripts: one phrase says it all.
  if (crossScript && pairs.length > 0 && pairs.every((p) => p.rule === 'same' || p.rule === 'variant')) {
    return 'the same names in Arabic and Latin script';
  }
  const parts: string[] = [];
  for (const p of pairs) {
    const sa = spelledToken(a, p.i);
    const sb = spelledToken(b, p.j);
    if (sa.toLowerCase() === sb.toLowerCase()) continue;
    const rule: TokenRule = p.rule === 'same' ? 'variant' : p.rule;
    const script =
      (a.arabic === true) !== (b.arabic === true) && rule === 'skeleton' ? ' across scripts' : '';
    parts.push(`${sa} ~ ${sb}: ${RULE_WORDS[rule]}${script}`);
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * Compares two names. Similarity in [0, 1]: the soft token-set score (greedy one-to-one token
 * pairs of tokenSimilarity ≥ 0.85, divided by the larger token count), and for two Latin
 * names with a token left unpaired at least the mean of that and Jaro-Winkler over the sorted
 * canonical tokens (catches typos spanning token boundaries). Equal canonical tokens score 1; an unparseable name 0.
 */
export function comparePersonNames(
  a: string | NormalisedPersonName | null,
  b: string | NormalisedPersonName | null,
  options: { explain?: boolean } = {},
): NameComparison {
  const na = typeof a === 'string' ? normalisePersonName(a) : a;
  const nb = typeof b === 'string' ? normalisePersonName(b) : b;
  if (!na || !nb) return { similarity: 0 };
  const explainIt = options.explain !== false;
  const sortedA = sortedTokens(na);
  const sortedB = sortedTokens(nb);
  if (sortedA === sortedB && !explainIt) return { similarity: 1 };
  const pairs: PairedToken[] | undefined = explainIt ? [] : undefined;
  const ab = tokenSetOneWay(na, nb, pairs);
  // Every token found its partner: the token rules judged each one, and Jaro-Winkler over the
  // whole name must not overrule them (`Kamal Ahmadzai` / `Jamal Ahmadzai`).
  const allPaired = na.tokens.length === nb.tokens.length && lastPairCount === na.tokens.length;
  let weakPair = lastWeakPair;
  let similarity: number;
  if (sortedA === sortedB) similarity = 1;
  else {
    const tokenSet = (ab + tokenSetOneWay(nb, na)) / 2;
    weakPair ||= lastWeakPair;
    if (na.arabic || nb.arabic || allPaired) similarity = tokenSet;
    else similarity = Math.max(tokenSet, (jaroWinkler(sortedA, sortedB) + tokenSet) / 2);
    if (weakPair) similarity = Math.min(similarity, WEAK_NAME_CEILING);
  }
  const because = pairs ? explain(na, nb, pairs) : undefined;
  return because ? { similarity, because } : { similarity };
}

// The sorted canonical tokens of a name, joined (memoised: a name is compared many times).
const sortedCache = new WeakMap<NormalisedPersonName, string>();
function sortedTokens(name: NormalisedPersonName): string {
  let sorted = sortedCache.get(name);
  if (sorted === undefined) {
    sorted = [...name.tokens].sort().join(' ');
    sortedCache.set(name, sorted);
  }
  return sorted;
}

/** Name similarity in [0, 1] (see comparePersonNames). */
export function nameSimilarity(
  a: string | NormalisedPersonName | null,
  b: string | NormalisedPersonName | null,
): number {
  return comparePersonNames(a, b, { explain: false }).similarity;
}
