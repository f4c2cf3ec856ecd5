import { identifierCharacters } from './confusables';
import { normaliseCountryCode } from './country-code';
import { foldArabicScript } from './digits';

/** A vehicle plate reduced to a comparable value, with its plate country and blocking key. */
export interface NormalisedPlate {
  value: string;
  country?: string;
  key: string;
  weak: boolean;
}

// Values officers type when there is no plate; they would otherwise link every such case.
const PLACEHOLDERS = new Set([
  'UNKNOWN',
  'UNK',
  'NA',
  'NIL',
  'NONE',
  'NULL',
  'NK',
  'NOTKNOWN',
  'NOPLATE',
  'NOPLATES',
  'NONUMBER',
  'UNREGISTERED',
  'NONCUSTOMPAID',
  'NCP',
  'TBA',
  'TBC',
]);

/** Normalises a vehicle plate: separators stripped, upper case, ASCII digits; null for empty or placeholder values. */
export function normalisePlate(raw: string, plateCountry?: string): NormalisedPlate | null {
  const value = foldArabicScript(identifierCharacters(raw))
    .toUpperCase()
    // Separators (spaces, hyphens, dots, slashes, underscores) and any other punctuation or
    // diacritic carry no identity on a plate; only letters and digits do.
    .replace(/[^\p{L}\p{N}]/gu, '');
  if (value === '' || PLACEHOLDERS.has(value) || /^(0+|X+)$/.test(value)) return null;

  const country = normaliseCountryCode(plateCountry);
  const hasLetter = /\p{L}/u.test(value);
  const digitCount = value.replace(/\D/g, '').length;
  // A bare number of up to four digits recurs across provinces and countries, and a plate
  // without its country can be any of several vehicles: both may support but never carry a link.
  const weak = country === undefined || (!hasLetter && digitCount <= 4);
  return { value, ...(country ? { country } : {}), key: `${country ?? '??'}:${value}`, weak };
}
