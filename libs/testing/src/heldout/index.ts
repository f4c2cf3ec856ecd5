// Held-out evaluation of name matching (docs/matching-names.md#held-out-evaluation): a scenario
// generator and a name-pair corpus written apart from libs/testing/src/synthetic.
export { EVIDENCE_KINDS, generateHeldoutScenario } from './generator';
export type { EvidenceKind, HeldoutOptions, HeldoutReport, HeldoutScenario } from './generator';
export { NAME_PAIRS } from './name-pairs';
export type { NamePair } from './name-pairs';
