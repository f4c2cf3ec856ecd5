import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';
import { normaliseCountryCode } from './country-code';
import { toAsciiDigits } from './digits';

/** A phone number in E.164, whether the numbering plan accepts it, and whether it is a filler value. */
export interface NormalisedPhone {
  e164: string;
  valid: boolean;
  placeholder: boolean;
}

/** Country of an agency id `<alpha-2>-<CODE>` (docs/contract.md#agencies), e.g. `AF-CNPA` → `AF`; undefined when malformed. */
export function countryOfAgency(agencyId: string): string | undefined {
  const match = /^([A-Za-z]{2})-[A-Za-z0-9_-]+$/.exec(agencyId.trim());
  return match ? match[1].toUpperCase() : undefined;
}

const ASCENDING = '01234567890';
const DESCENDING = '09876543210';

// Filler numbers typed into mandatory fields: one digit repeated, zeros after the country
// code, or a keyboard run. They would otherwise tie together every case that used them.
function isPlaceholderDigits(digits: string): boolean {
  if (digits.length === 0) return true;
  if (/^(\d)\1*$/.test(digits)) return true;
  if (digits.length >= 6 && (ASCENDING.includes(digits) || DESCENDING.includes(digits))) return true;
  return false;
}

function supportedCountry(country: string | undefined): CountryCode | undefined {
  const code = normaliseCountryCode(country);
  return code !== undefined && isSupportedCountry(code) ? code : undefined;
}

function parse(text: string, country: CountryCode | undefined): PhoneNumber | undefined {
  return country ? parsePhoneNumberFromString(text, country) : parsePhoneNumberFromString(text);
}

/** Normalises a phone number to E.164 using the reporting agency's country as default; null when it holds no number. */
export function normalisePhone(raw: string, defaultCountry?: string): NormalisedPhone | null {
  const text = toAsciiDigits(raw.normalize('NFKC')).trim();
  const allDigits = text.replace(/\D/g, '');
  if (allDigits.length === 0) return null;
  const country = supportedCountry(defaultCountry);
  // `00` is the international prefix in AF and PK, but `0000000` is a filler, not a dial-out.
  const international = /^\+/.test(text) || /^00[1-9]/.test(allDigits);
  // Without a default country libphonenumber cannot read the `00` international prefix.
  const candidate = !country && /^00[1-9]/.test(allDigits) ? `+${allDigits.slice(2)}` : text;

  let phone = parse(candidate, country);
  // isValid() walks the numbering plan's patterns: ask once per parse.
  let valid = phone?.isValid() ?? false;
  if (!valid && !international) {
    // Exports often drop the `+`: `92 300 1234567`. Accept that reading only when the
    // national reading is not a valid number and the international one is.
    const withPlus = parse(`+${allDigits}`, undefined);
    if (withPlus?.isValid()) {
      phone = withPlus;
      valid = true;
    }
  }

  const nationalDigits = phone?.nationalNumber ?? allDigits;
  const afterPrefix = international ? allDigits.replace(/^00/, '') : allDigits;
  const placeholder =
    isPlaceholderDigits(allDigits.replace(/^0+/, '')) ||
    isPlaceholderDigits(nationalDigits.replace(/^0+/, '')) ||
    // An operator or area prefix followed by a zeroed subscriber part (`0300 0000000`).
    /0{7}$/.test(nationalDigits) ||
    (international &&
      phone !== undefined &&
      isPlaceholderDigits(afterPrefix.slice(phone.countryCallingCode.length)));

  if (placeholder) {
    // Keep fillers deterministic and recognisable as typed: `+920000000000` stays as is.
    const e164 = international
      ? `+${afterPrefix}`
      : `+${country ? getCountryCallingCode(country) : ''}${allDigits.replace(/^0/, '')}`;
    return { e164, valid: false, placeholder: true };
  }
  // A wrong-length number is a typo or a fragment; it can only ever link by accident.
  if (!phone?.isPossible()) return null;
  return { e164: phone.number, valid, placeholder: false };
}
