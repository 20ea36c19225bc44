import type { RotationEvent, RotationState } from './types';
import type { OversightGate, Policy } from '../policy/types';
import { bodyRefusal } from '../oversight/refuse';
import { fail } from '../shared/errors';

/** Makes an event of the rotation, with its id, the decision's instant and the command's metadata. */
export type Emit = <T extends RotationEvent['type']>(
  type: T,
  data: Omit<Extract<RotationEvent, { type: T }>['data'], 'rotationId' | 'at'>,
) => RotationEvent;
/** What every rotation handler gets: the policy in force, the decision's date and the event maker. */
export interface RCtx {
  policy: Policy;
  today: string;
  /** The decision's instant: the succession of bodies is read on its date. */
  now: string;
  emit: Emit;
}
export type Planned = Exclude<RotationState, { status: 'empty' }>;

export function requireStatus<S extends RotationState['status']>(
  state: RotationState,
  statuses: readonly S[],
  command: string,
): Extract<RotationState, { status: S }> {
  if (!(statuses as readonly string[]).includes(state.status)) {
    fail(
      'ROTATION.WRONG_STATUS',
      `Perintah ${command} tidak dapat dijalankan pada status ${state.status}`,
      `${command} is not allowed while the rotation is ${state.status}`,
      { status: state.status, expected: statuses },
    );
  }
  return state as Extract<RotationState, { status: S }>;
}

/** Refuses a letter from a body that does not hold the gate on the decision's date (succession of bodies). */
export function requireBody(ctx: RCtx, gate: OversightGate, issuedBy: string): void {
  const refusal = bodyRefusal(ctx.policy, gate, ctx.now, issuedBy);
  if (refusal) throw refusal;
}
