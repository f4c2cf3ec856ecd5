// Public API of identifier normalisation (docs/matching.md#normalisation).
export { toAsciiDigits, foldArabicScript } from './digits';
export { identifierCharacters, stripZeroWidth, toLatinConfusables } from './confusables';
export { normaliseCountryCode } from './country-code';
export { normalisePlate } from './plate.normaliser';
export type { NormalisedPlate } from './plate.normaliser';
export { normaliseContainer, containerCheckDigit } from './container.normaliser';
export type { NormalisedContainer } from './container.normaliser';
export { normalisePhone, countryOfAgency } from './phone.normaliser';
export type { NormalisedPhone } from './phone.normaliser';
export { normaliseDocument, normaliseDocumentType } from './document.normaliser';
export type { DocumentType, NormalisedDocument } from './document.normaliser';
export {
  comparePersonNames,
  isKnownToken,
  jaroWinkler,
  nameSimilarity,
  normalisePersonName,
  tokenSimilarity,
} from './name.normaliser';
export type { NameComparison, NormalisedPersonName, TokenRule } from './name.normaliser';
export { formRelation, isArabicScript, tokenForm, transliterateArabic } from './name-skeleton';
export type { FormRelation, TokenForm } from './name-skeleton';
export { normaliseOrganisation } from './organisation.normaliser';
export type { NormalisedOrganisation } from './organisation.normaliser';
export { normalisePlace, haversineKm, sameArea, areaCells, homeCell } from './place.normaliser';
export type { GeoPoint, GazetteerEntry, PlaceInput, NormalisedPlace } from './place.normaliser';
