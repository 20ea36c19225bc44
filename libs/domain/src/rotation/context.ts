import type { RotationEvent, RotationState } from './types';
import type { OversightGate, Policy } from '../policy/types';
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

export function requireBody(policy: Policy, gate: OversightGate, issuedBy: string): void {
  const holder = policy.gates[gate].value;
  if (holder !== 'none' && holder !== issuedBy) {
    fail(
      'GATE.WRONG_AUTHORITY',
      `Gerbang ${gate} dipegang ${holder} menurut kebijakan ${policy.id}, bukan ${issuedBy}`,
      `Gate ${gate} is held by ${holder} under policy ${policy.id}, not ${issuedBy}`,
      { gate, expected: holder, actual: issuedBy },
    );
  }
}
