// Public API of @app/matching: identifier normalisation and the correlation engine (the synthetic
// scenario generator and its quality measures are test support: @app/testing).
export { normalisePlate } from './normalise';
export { normaliseContainer, containerCheckDigit } from './normalise';
export { normalisePhone } from './normalise';
export { normalisePersonName, nameSimilarity } from './normalise';
export type { NormalisedPersonName } from './normalise';
export type { GazetteerEntry } from './normalise';
export * from './engine';
