// The workflow bundle's entry: every workflow the worker registers is exported here.
export { probe, type ProbeResult } from './probe';
export { selectionRound } from './round/selection-round';
export { rotation } from './rotation/rotation';
