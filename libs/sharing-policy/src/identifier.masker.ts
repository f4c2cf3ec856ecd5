// Masks identifiers quoted in link reasons when the recipient may not see them. Enough
// stays for a liaison officer to tell two matches apart on the phone ("the plate ending
// 21"), too little to look the value up: letters and digits become `*`, separators stay.
import type { MaskableReason } from './sharing-policy.types';

const CHAR = /[\p{L}\p{N}]/u;

/** Masks an identifier for display: 7+ letters/digits keep the first and last two (`KBL 4521` → `K** **21`), 4-6 keep the last two, fewer keep none. */
export function maskIdentifier(display: string): string {
  const chars = [...display];
  const total = chars.filter((ch) => CHAR.test(ch)).length;
  const keepHead = total >= 7 ? 1 : 0;
  const keepTail = total >= 4 ? 2 : 0;
  let seen = 0;
  return chars
    .map((ch) => {
      if (!CHAR.test(ch)) return ch;
      seen += 1;
      return seen <= keepHead || seen > total - keepTail ? ch : '*';
    })
    .join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Features whose identifiers always carry digits (plates, containers, phones, document
// numbers, VINs, IMO numbers): without quoted values, every token with a digit is masked.
const DIGIT_IDENTIFIER_FEATURES = new Set(['PLATE', 'CONTAINER', 'PHONE', 'DOCUMENT', 'VIN', 'VESSEL_IMO']);
const TOKEN = /\+?[\p{L}\p{N}](?:[\p{L}\p{N}\-/.]*[\p{L}\p{N}])?/gu;
const DIGIT = /\p{N}/u;

/** One reason's detail when only "a match exists" may be said: the feature, no value. */
export function withheldReasonDetail(reason: Pick<MaskableReason, 'feature'>): string {
  return `${reason.feature} matched (details withheld)`;
}

/** One reason's detail with its quoted values masked (a MASKED disclosure of a link reason). */
export function maskReasonDetail(reason: MaskableReason): string {
  const values = [...new Set(reason.values ?? [])].filter((v) => v.trim() !== '');
  if (values.length === 0) {
    if (DIGIT_IDENTIFIER_FEATURES.has(reason.feature)) {
      return reason.detail.replace(TOKEN, (token) => (DIGIT.test(token) ? maskIdentifier(token) : token));
    }
    // A name, a place or a time cannot be told apart from the rest of free text, so the
    // whole detail gives way to a neutral sentence.
    return withheldReasonDetail(reason);
  }
  // Longest first, so a value that contains another is masked whole.
  values.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(values.map(escapeRegExp).join('|'), 'g');
  return reason.detail.replace(pattern, (found) => maskIdentifier(found));
}
