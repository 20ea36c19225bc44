// The BENCHMARK bundle's entry (bench/rounds.ts): the production workflows and the bench-only
// baseline. The worker bundles `../index.ts`, which does not export `bareDecisions`.
export * from '../index';
export { bareDecisions, type BareDecisionsInput } from './bare-decisions';
