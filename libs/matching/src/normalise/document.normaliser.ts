import { identifierCharacters } from './confusables';
import { normaliseCountryCode } from './country-code';

/** Identity-document types of docs/contract.md#vocabularies. */
export type DocumentType = 'PASSPORT' | 'NATIONAL_ID' | 'DRIVING_LICENCE' | 'VISA' | 'OTHER';

/** A document number reduced to letters and digits, with its type, issuing country and matching key. */
export interface NormalisedDocument {
  type: DocumentType;
  number: string;
  country?: string;
  key: string;
}

// Local names agencies put in the type field for the same document kinds.
const TYPE_SYNONYMS: Readonly<Record<string, DocumentType>> = {
  PASSPORT: 'PASSPORT',
  PP: 'PASSPORT',
  NATIONAL_ID: 'NATIONAL_ID',
  NATIONALID: 'NATIONAL_ID',
  NID: 'NATIONAL_ID',
  CNIC: 'NATIONAL_ID',
  NIC: 'NATIONAL_ID',
  SNIC: 'NATIONAL_ID',
  TAZKIRA: 'NATIONAL_ID',
  TAZKERA: 'NATIONAL_ID',
  ETAZKIRA: 'NATIONAL_ID',
  ID_CARD: 'NATIONAL_ID',
  IDCARD: 'NATIONAL_ID',
  DRIVING_LICENCE: 'DRIVING_LICENCE',
  DRIVING_LICENSE: 'DRIVING_LICENCE',
  DRIVINGLICENCE: 'DRIVING_LICENCE',
  DRIVINGLICENSE: 'DRIVING_LICENCE',
  DL: 'DRIVING_LICENCE',
  VISA: 'VISA',
  OTHER: 'OTHER',
};

const PLACEHOLDERS = new Set(['UNKNOWN', 'UNK', 'NA', 'NIL', 'NONE', 'NULL', 'NK', 'NOTKNOWN', 'TBA', 'TBC']);

/** Maps a document type or a local synonym (`CNIC`, `Tazkira`, `DL`) to the contract's type; unknown → OTHER. */
export function normaliseDocumentType(type: string): DocumentType {
  const compact = type
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_')
    .replace(/[^A-Z_]/g, '');
  return TYPE_SYNONYMS[compact] ?? TYPE_SYNONYMS[compact.replace(/_/g, '')] ?? 'OTHER';
}

// Afghan e-Tazkira numbers are printed 4-4-5 and start with the Solar Hijri year of
// registration (issuance began 1397, i.e. 2018): `1400-0101-12345`.
const E_TAZKIRA_GROUPED = /^\s*1(?:39|40)\d\s*[-\s]\s*\d{4}\s*[-\s]\s*\d{5}\s*$/;
// Pakistani CNICs are printed 5-7-1: `35202-1234567-1`.
const CNIC_GROUPED = /^\s*\d{5}\s*[-\s]\s*\d{7}\s*[-\s]\s*\d\s*$/;

function inferNationalIdCountry(
  rawNumber: string,
  digits: string,
  reporterCountry?: string,
): string | undefined {
  if (!/^\d{13}$/.test(digits)) return undefined;
  if (CNIC_GROUPED.test(rawNumber)) return 'PK';
  if (E_TAZKIRA_GROUPED.test(rawNumber)) return 'AF';
  // CNICs start with a province digit; an ungrouped 13-digit number starting 139/140
  // could equally be an e-Tazkira, and only then does the reporter's side break the tie.
  if (/^1(?:39|40)/.test(digits)) {
    return reporterCountry === 'AF' || reporterCountry === 'PK' ? reporterCountry : undefined;
  }
  // The first CNIC digit is the province or territory code (1-8); 0 and 9 are never issued.
  return /^[1-8]/.test(digits) ? 'PK' : undefined;
}

/**
 * Normalises a document number to upper-case letters and digits, with its type and issuing
 * country; infers the country only for unambiguous national-ID shapes (PK CNIC, AF e-Tazkira).
 */
export function normaliseDocument(
  type: string,
  number: string,
  issuingCountry?: string,
  reporterCountry?: string,
): NormalisedDocument | null {
  const ascii = identifierCharacters(number);
  const value = ascii.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (value === '' || PLACEHOLDERS.has(value)) return null;
  // One character repeated (`0000000000000`, `XXXXXXX`) is a filler, not a document.
  if (/^(.)\1*$/.test(value)) return null;

  const docType = normaliseDocumentType(type);
  const country =
    normaliseCountryCode(issuingCountry) ??
    (docType === 'NATIONAL_ID'
      ? inferNationalIdCountry(ascii, value, normaliseCountryCode(reporterCountry))
      : undefined);
  return {
    type: docType,
    number: value,
    ...(country ? { country } : {}),
    key: `${docType}:${country ?? '??'}:${value}`,
  };
}
