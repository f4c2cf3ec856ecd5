// Public API of identifier normalisation (docs/matching.md#normalisation).
export { toAsciiDigits } from './digits';
export { identifierCharacters } from './confusables';
export { normalisePlate } from './plate.normaliser';
export { normaliseContainer, containerCheckDigit } from './container.normaliser';
export { normalisePhone, countryOfAgency } from './phone.normaliser';
export { normaliseDocument } from './document.normaliser';
export { comparePersonNames, nameSimilarity, normalisePersonName } from './name.normaliser';
export type { NormalisedPersonName } from './name.normaliser';
export { normaliseOrganisation } from './organisation.normaliser';
export { normalisePlace, haversineKm, areaCells, homeCell } from './place.normaliser';
export type { GazetteerEntry, PlaceInput, NormalisedPlace } from './place.normaliser';
