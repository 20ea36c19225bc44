// Public API of @selter/contracts: what api, worker, workflows and tests agree on. No I/O.
export * from './round';
export type * from './activities';
export type { DecisionRefusal } from './failure';
export { SWITCHING_RUNS, isSwitchingRuns, RESTORING, isRestoring } from './failure';
export * from './rotation';
