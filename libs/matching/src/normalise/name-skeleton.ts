// Cross-script and cross-romanisation comparison of name tokens (docs/matching-names.md).
//
// Arabic script (Dari, Pashto, Urdu) writes consonants and long vowels, never short vowels;
// romanisations write every vowel, and spell the same long vowel several ways (`ee`/`i`,
// `oo`/`ou`/`u`, `ai`/`ay`). What both scripts keep is the consonant skeleton. A token is
// read into a **form**: its consonant skeleton in one shared alphabet (letters romanisations
// swap, such as `q`/`k`, merged) plus, between consonants, a vowel slot saying which vowel
// qualities are written there and whether the spelling marks it as written (an Arabic vowel
// letter, or a doubled Latin vowel such as `ee`). Two tokens are the same name when their
// skeletons are equal and every slot is compatible; this is a rule, not a list of spellings.

/** Vowel qualities of a slot: A (fatha / alif), I (kasra / ye), U (damma / waw). */
const VA = 1;
const VI = 2;
const VU = 4;

/** What sits between two consonants of a token. */
interface Slot {
  /** Bitmask of qualities; 0 when no vowel is written. */
  q: number;
  /** The spelling marks this vowel as long (Arabic vowel letter, Latin `ee`, `oo`, `ou`, `ai`…). */
  written: boolean;
}

/** A token read as consonant skeleton and vowel slots (slots[i] precedes skeleton[i]; one more at the end). */
export interface TokenForm {
  skeleton: string;
  slots: readonly Slot[];
}

const LATIN_VOWEL: Readonly<Record<string, number>> = {
  a: VA,
  e: VA | VI,
  i: VI,
  o: VU,
  u: VU,
  y: VI,
  w: VU,
  v: VU,
};
const LATIN_CONSONANT: Readonly<Record<string, string>> = {
  b: 'B',
  // Pashto writes پ where Dari and the romanisations say f (اپریدی / Afridi).
  p: 'F',
  t: 'T',
  s: 'S',
  j: 'J',
  d: 'D',
  r: 'R',
  z: 'Z',
  f: 'F',
  k: 'K',
  q: 'K',
  c: 'K',
  g: 'G',
  l: 'L',
  m: 'M',
  n: 'N',
  x: 'X',
  h: 'H',
};
// Two-letter spellings of one Arabic-script consonant (and `ph`, `th`, `dh`: aspirated Urdu
// consonants or Arabic ث/ذ spelled the English way).
const LATIN_DIGRAPH: Readonly<Record<string, string>> = {
  kh: 'X',
  gh: 'G',
  sh: 'Q',
  ch: 'C',
  zh: 'Z',
  ph: 'F',
  th: 'T',
  dh: 'D',
  ck: 'K',
};

// The qualities a Latin vowel spelling can stand for. Alone, `e` is either (`Rehman` for
// rahmān, `Javed` for jāvīd); doubled or in a diphthong it is the long i / e (`Raheem`,
// `Javaid`, `Barakzay`), and `au`/`aw` the long u / o.
function runQuality(run: string): number {
  if (run.length === 1) return LATIN_VOWEL[run] ?? 0;
  let q = 0;
  for (const ch of run) q |= ch === 'e' ? VI : (LATIN_VOWEL[ch] ?? 0);
  if (run[0] === 'a' && !run.slice(1).includes('a')) q &= ~VA;
  return q;
}

/**
 * Reads a canonical Latin token (letters, any case) into its form. `splitDigraphs`: read `sh`,
 * `kh`, `th`, … as a consonant followed by h (`Ishaq` as is-haq, اسحاق), as a romanisation
 * also writes two letters of the script (س + ح).
 */
function latinForm(token: string, written: boolean, splitDigraphs = false): TokenForm {
  const s = token.toLowerCase();
  let skeleton = '';
  const slots: Slot[] = [{ q: 0, written: false }];
  let run = '';
  const closeRun = () => {
    if (run === '') return;
    const slot = slots[slots.length - 1];
    slot.q |= runQuality(run);
    // A vowel written with two letters (`ee`, `oo`, `ou`, `ai`, `aa`, `aw`) marks a long
    // vowel, which Arabic script writes; in an already written (Arabic) form, any vowel is.
    slot.written = written || run.length >= 2;
    run = '';
  };
  const emit = (symbol: string) => {
    closeRun();
    // A doubled consonant (`Kakkar`, Arabic shadda) is one consonant.
    if (skeleton.endsWith(symbol) && slots[slots.length - 1].q === 0) return;
    skeleton += symbol;
    slots.push({ q: 0, written: false });
  };
  let i = 0;
  let afterMarker = false;
  // A leading vowel (or alif / ayn / hamza) is one marker `A`: Romanisations disagree on its
  // quality (`Umar`/`Omar`, `Esmat`/`Ismat`), Arabic script on its letter (ا / ع / ا).
  if (i < s.length && 'aeiou'.includes(s[i])) {
    while (i < s.length && "aeiouyw'".includes(s[i])) i++;
    emit('A');
    afterMarker = true;
  }
  for (; i < s.length; i++) {
    const ch = s[i];
    const initial = skeleton === '' && run === '';
    if (ch in LATIN_VOWEL && !(initial && (ch === 'y' || ch === 'w' || ch === 'v'))) {
      run += ch;
      continue;
    }
    const pair = s.slice(i, i + 2);
    const digraph = LATIN_DIGRAPH[pair];
    if (digraph && splitDigraphs && pair[1] === 'h' && i + 2 < s.length) {
      afterMarker = false;
      emit(LATIN_CONSONANT[ch] ?? ch.toUpperCase());
      emit('H');
      i++;
      continue;
    }
    if (digraph) {
      afterMarker = false;
      emit(digraph);
      i++;
      continue;
    }
    if (ch === 'y') {
      afterMarker = false;
      emit('Y');
      continue;
    }
    if (ch === 'w' || ch === 'v') {
      afterMarker = false;
      emit('W');
      continue;
    }
    // Word-final `h` (`Shah`, `Fatimah`, the `-ullah` of a compound) is the silent final he of
    // Arabic script (dropped there too); in a romanisation, `h` after a consonant marks
    // aspiration (`Bhutto`).
    if (ch === 'h' && i === s.length - 1) continue;
    if (ch === 'h' && !written && run === '' && skeleton !== '' && !afterMarker) continue;
    // A break the transliteration put between two letters that are not a digraph (س + ه).
    if (ch === "'") continue;
    afterMarker = false;
    emit(LATIN_CONSONANT[ch] ?? ch.toUpperCase());
  }
  // A word-final yeh in Arabic script is long i (`کریمی` Karimi) or, as alif maqsura (ى,
  // folded to ی like every yeh), long a (`موسی` Musa, `عیسی` Isa).
  if (written && run === 'i' && skeleton !== '') {
    closeRun();
    slots[slots.length - 1].q |= VA;
  }
  closeRun();
  return { skeleton, slots };
}

// Arabic-script letters (after foldArabicScript) as the Latin a romanisation would use; the
// vowel letters as A / U / I (written long vowels), `'` for ayn and hamza inside a word.
const ARABIC_LETTER: Readonly<Record<string, string>> = {
  ا: 'A',
  آ: 'A',
  أ: 'A',
  إ: 'A',
  ٱ: 'A',
  ب: 'B',
  پ: 'P',
  ت: 'T',
  ط: 'T',
  ټ: 'T',
  ٹ: 'T',
  ث: 'S',
  س: 'S',
  ص: 'S',
  څ: 'CH',
  ج: 'J',
  چ: 'CH',
  ح: 'H',
  ه: 'H',
  ہ: 'H',
  خ: 'KH',
  ښ: 'KH',
  د: 'D',
  ڈ: 'D',
  ډ: 'D',
  ذ: 'Z',
  ز: 'Z',
  ض: 'Z',
  ظ: 'Z',
  ځ: 'Z',
  ژ: 'ZH',
  ږ: 'ZH',
  ر: 'R',
  ڑ: 'R',
  ړ: 'R',
  ش: 'SH',
  غ: 'GH',
  گ: 'G',
  ګ: 'G',
  ف: 'F',
  ق: 'Q',
  ک: 'K',
  ل: 'L',
  م: 'M',
  ن: 'N',
  ں: 'N',
  ڼ: 'N',
  و: 'U',
  ی: 'I',
  ې: 'E',
  ے: 'E',
  ۍ: 'AI',
  ع: "'",
  ء: "'",
  ئ: "'",
  ؤ: "'",
};

/** True when a word has Arabic-script letters. */
export function isArabicScript(word: string): boolean {
  return /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/u.test(word);
}

/**
 * Transliterates one Arabic-script word (Arabic, Dari, Pashto, Urdu letters) to the Latin
 * letters a romanisation would use for its consonants and long vowels: `یوسفزی` → `YUSFZI`,
 * `خان` → `KHAN`. Short vowels are not written in the script, so none are guessed.
 */
export function transliterateArabic(word: string): string {
  const chars = [...word];
  let out = '';
  chars.forEach((ch, i) => {
    const first = out === '';
    const last = i === chars.length - 1;
    // A final he, teh marbuta or he with yeh is a vowel (`ذکیه` Zakia), never a consonant.
    if (last && (ch === 'ه' || ch === 'ہ' || ch === 'ة' || ch === 'ۀ') && !first) return;
    // Urdu do-chashmi he marks aspiration (`بھٹو` Bhutto): romanisations drop or write h.
    if (ch === 'ھ') return;
    if (first && (ch === 'و' || ch === 'ی')) {
      out += ch === 'و' ? 'W' : 'Y';
      return;
    }
    if (first && (ch === 'ع' || ch === 'ء' || ch === 'أ' || ch === 'إ' || ch === 'ئ')) {
      out += 'A';
      return;
    }
    const latin = ARABIC_LETTER[ch];
    // س + ه is s-h (`سهیل` Sohail), not sh: a break keeps two letters from reading as a digraph.
    if (latin === 'H' && /[KSGCZPTD]$/.test(out)) out += "'";
    if (latin !== undefined) out += latin;
    else if (/\p{L}/u.test(ch)) out += ch;
  });
  return out;
}

/** Reads a transliterated Arabic-script token (every vowel written, `'` an unwritten one). */
function arabicForm(translit: string): TokenForm {
  // The transliteration uses the Latin letters of a romanisation, so the Latin reader applies,
  // with every vowel marked as written and `h` always a consonant.
  return latinForm(translit, true);
}

// Forms of tokens already read (names recur in report after report), per script.
const latinForms = new Map<string, TokenForm>();
const arabicForms = new Map<string, TokenForm>();

/** The form of a canonical token: Latin (romanisation) or transliterated Arabic script. */
export function tokenForm(token: string, arabic: boolean): TokenForm {
  const cache = arabic ? arabicForms : latinForms;
  const hit = cache.get(token);
  if (hit) return hit;
  const form = arabic ? arabicForm(token) : latinForm(token, false);
  if (cache.size >= 100_000) cache.clear();
  cache.set(token, form);
  return form;
}

const splitForms = new Map<string, TokenForm | null>();

/**
 * The form of a Latin token with its `h` digraphs read as two consonants (`Ishaq` → A S H K),
 * or null when it has none: Arabic script writes s + h (اسحاق) where a romanisation writes
 * `sh`, which it also writes for ش.
 */
export function splitDigraphForm(token: string): TokenForm | null {
  let form = splitForms.get(token);
  if (form === undefined) {
    form = /[skgzcptd]h./i.test(token) ? latinForm(token, false, true) : null;
    if (splitForms.size >= 100_000) splitForms.clear();
    splitForms.set(token, form);
  }
  return form;
}

// How a slot of one spelling meets the same slot of another.
const COMPATIBLE = 0;
/** A Latin vowel spelled long where the script writes none (`Hasheemee` / `هاشمی`). */
const UNWRITTEN_LONG = 1;
const CONFLICT = 2;

function slotMeeting(a: Slot, b: Slot, aArabic: boolean, bArabic: boolean): number {
  if (a.q === 0 && b.q === 0) return COMPATIBLE;
  if (a.q === 0 || b.q === 0) {
    const other = a.q === 0 ? b : a;
    const emptyArabic = a.q === 0 ? aArabic : bArabic;
    const otherArabic = a.q === 0 ? bArabic : aArabic;
    // Arabic script spells the same name with or without a long-vowel letter (`بارکزی` /
    // `برکزی`), and romanisations drop short vowels (`Fazl` / `Fazal`).
    if (emptyArabic && otherArabic) return COMPATIBLE;
    if (!other.written) return COMPATIBLE;
    // A Latin long vowel where the script writes none: romanisations write `ee`, `oo` for short
    // vowels too (`Qaseem` for قاسم, `Hasheemee` for هاشمی), so this is weak evidence of two
    // names, not proof. Between two Latin spellings, one writing a long vowel where the other
    // writes none (`Fazeel` / `Fazl`) is another name.
    return emptyArabic && !otherArabic ? UNWRITTEN_LONG : CONFLICT;
  }
  // Two short (single-letter) Latin vowels say nothing: `Yusuf` / `Yousaf`, `Rahman` / `Rehman`.
  if (!a.written && !b.written) return COMPATIBLE;
  return (a.q & b.q) !== 0 ? COMPATIBLE : CONFLICT;
}

/** The worst meeting of the slots of two forms of one skeleton (COMPATIBLE, UNWRITTEN_LONG or CONFLICT). */
function slotsMeeting(a: TokenForm, b: TokenForm, aArabic: boolean, bArabic: boolean, skip = 0): number {
  // `skip`: compare a's slots from the right when a has one more leading symbol than b.
  let worst = COMPATIBLE;
  for (let i = 0; i < b.slots.length; i++) {
    // The slot before the first consonant holds nothing (a leading vowel is the marker A).
    if (i === 0) continue;
    worst = Math.max(worst, slotMeeting(a.slots[i + skip], b.slots[i], aArabic, bArabic));
    if (worst === CONFLICT) break;
  }
  return worst;
}

/** How two tokens relate by form. */
export type FormRelation =
  'same-skeleton' | 'unwritten-long-vowel' | 'dropped-initial-vowel' | 'different-vowels' | undefined;

/**
 * Same consonant skeleton with compatible vowels (`Yousafzai` / `Yusufzai` / `یوسفزی`,
 * `Rahim` / `Raheem`, `Kakar` / `Kakkar`); the same except for a Latin vowel spelled long where
 * the script writes none (`Hasheemee` / `هاشمی`); the same after a leading vowel dropped by one
 * spelling (`Afridi` / `Fridi`); the same consonants with incompatible vowels (`Nazeer` /
 * `Nazar`): different names; else undefined.
 */
export function formRelation(a: TokenForm, aArabic: boolean, b: TokenForm, bArabic: boolean): FormRelation {
  if (a.skeleton === b.skeleton) {
    if (a.skeleton === '') return undefined;
    // The same consonants with a long vowel one spelling writes and the other cannot have
    // (`Nazeer` / `Nazar`, `Hussain` / `Hasan`) are two names.
    const meeting = slotsMeeting(a, b, aArabic, bArabic);
    return meeting === COMPATIBLE
      ? 'same-skeleton'
      : meeting === UNWRITTEN_LONG
        ? 'unwritten-long-vowel'
        : 'different-vowels';
  }
  const [longer, shorter, lArabic, sArabic] =
    a.skeleton.length > b.skeleton.length ? [a, b, aArabic, bArabic] : [b, a, bArabic, aArabic];
  if (
    longer.skeleton.length === shorter.skeleton.length + 1 &&
    longer.skeleton.startsWith('A') &&
    shorter.skeleton.length >= 3 &&
    longer.skeleton.slice(1) === shorter.skeleton &&
    slotsMeeting(longer, shorter, lArabic, sArabic, 1) === COMPATIBLE
  ) {
    return 'dropped-initial-vowel';
  }
  return undefined;
}

// Two-letter spellings a key reads as one consonant: a consonant of the script followed by ح or
// ه (س + ح in `اسحاق`) reads as the Latin digraph (`Ishaq`, whose `sh` may stand for ش or س + ح).
const KEY_DIGRAPH = /([SKGCZFTD])H/g;
const KEY_DIGRAPH_SYMBOL: Readonly<Record<string, string>> = {
  S: 'Q',
  K: 'X',
  G: 'G',
  C: 'C',
  Z: 'Z',
  F: 'F',
  T: 'T',
  D: 'D',
};

/**
 * The skeleton as a key reads it: a consonant followed by H is the one consonant a Latin digraph
 * spells (`ASHK` for `اسحاق` → `AQK`, the key of `Ishaq`). The comparison tells the two readings
 * apart; the key, coarser, gives both one key so that lookups by key (blocking, the pre-check)
 * meet across scripts.
 */
export function keySkeleton(skeleton: string): string {
  return skeleton.includes('H')
    ? skeleton.replace(KEY_DIGRAPH, (_, c: string) => KEY_DIGRAPH_SYMBOL[c])
    : skeleton;
}

// ---- typing slips -----------------------------------------------------------------------
//
// Two spellings whose consonant skeletons differ are the same name only when a typing slip
// explains the difference (docs/matching-names.md#typing-slips): one letter inserted, dropped
// or swapped with its neighbour, or replaced by a vowel or by a key next to it on a keyboard.
// A consonant replaced by an unrelated one (`Jamil` / `Jalil`, `Karimi` / `Rahimi`) is
// another name, however alike the rest.

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEYBOARD_NEIGHBOURS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const near = new Map<string, Set<string>>();
  const link = (x: string | undefined, y: string | undefined) => {
    if (!x || !y) return;
    for (const [p, q] of [
      [x, y],
      [y, x],
    ]) {
      const set = near.get(p) ?? new Set<string>();
      set.add(q);
      near.set(p, set);
    }
  };
  KEYBOARD_ROWS.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      link(row[c], row[c + 1]);
      // Each row sits half a key right of the one above: (r, c) touches (r + 1, c - 1) and (r + 1, c).
      const below = KEYBOARD_ROWS[r + 1];
      if (below) {
        link(row[c], below[c - 1]);
        link(row[c], below[c]);
      }
    }
  });
  return near;
})();

const isVowelLetter = (ch: string): boolean => 'aeiou'.includes(ch);

/**
 * True when a and b are one edit apart: one insertion, deletion or adjacent transposition, or
 * one substitution `substitutes` allows.
 */
function oneEdit(a: string, b: string, substitutes: (x: string, y: string) => boolean): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return substitutes(a[i], b[i]);
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A slip of the keys between two Latin spellings: a vowel for any letter, a consonant for a key next to it. */
function keySlip(x: string, y: string): boolean {
  return isVowelLetter(x) || isVowelLetter(y) || KEYBOARD_NEIGHBOURS.get(x)?.has(y) === true;
}

/** The skeleton with `v` where a vowel is written between consonants: `Mansoor` → `MvNSvR`. */
function shape(form: TokenForm): string {
  let out = '';
  for (let i = 0; i < form.skeleton.length; i++) {
    if (i > 0 && form.slots[i].q !== 0) out += 'v';
    out += form.skeleton[i];
  }
  return form.slots[form.skeleton.length].q !== 0 ? `${out}v` : out;
}

/**
 * True when two spellings of different skeletons are one typing slip apart. Two Latin
 * spellings: one edit of the letters (`Msnsur` / `Mansur`, `Achakza` / `Achakzai`), or one
 * edit of their shapes where a vowel meets a consonant (a slip on top of another spelling:
 * `Msnsur` / `Mansoor`). A script is involved: one consonant inserted, dropped or transposed
 * in the skeleton (the script writes no short vowels to compare, and its letters are not
 * typed on a Latin keyboard).
 */
export function typingSlip(a: string, fa: TokenForm, b: string, fb: TokenForm, bothLatin: boolean): boolean {
  // Beyond one letter, a leading vowel one spelling has and the other lacks is not a slip
  // (`Nur` / `Anwar`): the dropped-leading-vowel rule judges it.
  const sameStart = (fa.skeleton[0] === 'A') === (fb.skeleton[0] === 'A');
  if (!bothLatin) return sameStart && oneEdit(fa.skeleton, fb.skeleton, () => false);
  if (Math.max(a.length, b.length) >= 3 && oneEdit(a.toLowerCase(), b.toLowerCase(), keySlip)) return true;
  return sameStart && oneEdit(shape(fa), shape(fb), (x, y) => x === 'v' || y === 'v');
}
