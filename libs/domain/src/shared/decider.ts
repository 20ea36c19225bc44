/**
 * The pure functions an event-sourced aggregate is decided and folded with (round or rotation):
 * the Decider pattern. Whoever runs one (a workflow's ledger) brings the I/O.
 */
export interface Decider<C extends { type: string; metadata: object }, E, S extends { version: number }> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}
