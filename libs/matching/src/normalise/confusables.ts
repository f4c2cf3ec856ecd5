import { toAsciiDigits } from './digits';

// Cyrillic and Greek letters that Unicode TR39 (confusables.txt, "skeleton") maps to a single
// Latin letter: an identifier typed on a Cyrillic or Greek keyboard layout, or pasted from a
// document that mixed them, must compare with its Latin spelling (`Р1234567` is `P1234567`,
// not `1234567`). Only the single-letter prototypes of TR39 are kept, so a letter that has no
// Latin lookalike (Cyrillic `Д`, Greek `Λ`) is not silently turned into another identifier.
// See docs/matching-names.md#confusables.
const CONFUSABLE_TO_LATIN: Readonly<Record<string, string>> = {
  // Cyrillic capitals
  А: 'A',
  В: 'B',
  Е: 'E',
  Ѕ: 'S',
  І: 'I',
  Ї: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ү: 'Y',
  Һ: 'H',
  Ӏ: 'I',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ь: 'b',
  З: '3',
  // Cyrillic small
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ү: 'y',
  // Greek capitals
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Greek small
  ο: 'o',
  ν: 'v',
  ι: 'i',
  α: 'a',
  ρ: 'p',
  υ: 'u',
  γ: 'y',
};
const CONFUSABLE = /[\u0370-\u03ff\u0400-\u052f]/gu;

/** Replaces Cyrillic and Greek letters that look like a Latin letter with that letter (TR39 skeleton); others stay. */
export function toLatinConfusables(text: string): string {
  return text.replace(CONFUSABLE, (ch) => CONFUSABLE_TO_LATIN[ch] ?? ch);
}

// Zero-width characters that change no letter: ZWNJ and ZWJ (part of Persian and Urdu spelling:
// `می‌خواهم`), the word joiner, the zero-width space and the byte-order mark / ZWNBSP.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/gu;

/** Removes zero-width joiners, non-joiners and spaces: they never separate or distinguish values. */
export function stripZeroWidth(text: string): string {
  return text.replace(ZERO_WIDTH, '');
}

/**
 * The characters of an identifier (plate, document, container, VIN) as compared: NFKC,
 * Arabic-Indic / Persian / full-width digits as ASCII, zero-width characters removed and
 * Cyrillic / Greek lookalikes as their Latin letter.
 */
export function identifierCharacters(raw: string): string {
  return toLatinConfusables(stripZeroWidth(toAsciiDigits(raw.normalize('NFKC'))));
}
