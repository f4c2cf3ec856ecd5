// Public API of the synthetic scenario generator and the quality measures (docs/matching.md#measured-quality).
export { mulberry32, Prng } from './prng';
export { generateNoiseReports, generateScenario } from './generator';
export type { GeneratedReport, Scenario, ScenarioOptions } from './generator';
export { blockingRecall, pairwiseQuality } from './quality';
export type { BlockingRecall, CaseKeys, PairwiseQuality } from './quality';
