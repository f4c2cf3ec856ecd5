// Public API of @app/matching: identifier normalisation and the correlation engine (the synthetic
// scenario generator and its quality measures are test support: @app/testing).
export { toAsciiDigits, foldArabicScript } from './normalise';
export { identifierCharacters, stripZeroWidth, toLatinConfusables } from './normalise';
export { normaliseCountryCode } from './normalise';
export { normalisePlate } from './normalise';
export type { NormalisedPlate } from './normalise';
export { normaliseContainer, containerCheckDigit } from './normalise';
export type { NormalisedContainer } from './normalise';
export { normalisePhone, countryOfAgency } from './normalise';
export type { NormalisedPhone } from './normalise';
export { normaliseDocument, normaliseDocumentType } from './normalise';
export type { DocumentType, NormalisedDocument } from './normalise';
export { comparePersonNames, normalisePersonName, nameSimilarity, jaroWinkler } from './normalise';
export { isArabicScript, tokenForm, transliterateArabic } from './normalise';
export type { NameComparison, NormalisedPersonName } from './normalise';
export { normaliseOrganisation } from './normalise';
export type { NormalisedOrganisation } from './normalise';
export { normalisePlace, haversineKm, sameArea, areaCells, homeCell } from './normalise';
export type { GeoPoint, GazetteerEntry, PlaceInput, NormalisedPlace } from './normalise';
export * from './engine';
