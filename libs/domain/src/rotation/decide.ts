import type { RotationCommand, RotationEvent, RotationState } from './types';
import type { Emit, Planned, RCtx } from './context';
import { issueDecree, recordApproval } from './handlers/decree';
import { proposeMapping } from './handlers/mapping';
import { planRotation } from './handlers/plan';
import { recordRecommendation } from './handlers/recommendation';
import { recordTests } from './handlers/tests';
import { DEFAULT_POLICIES, getPolicy, policyFor, type PolicyRegistry } from '../policy/registry';
import { fail, tryDecideWith, type DecideResult } from '../shared/errors';
import { eventMetadataOf } from '../shared/metadata';
import { refuseUncleanCommand } from '../shared/text';
import { dateOf } from '../shared/time';

function route(command: RotationCommand, state: RotationState, ctx: RCtx): RotationEvent[] {
  switch (command.type) {
    case 'PlanRotation':
      return planRotation(command, state, ctx);
    case 'RecordRotationRecommendation':
      return recordRecommendation(command, state, ctx);
    case 'RecordRotationTests':
      return recordTests(command, state, ctx);
    case 'ProposeRotationMapping':
      return proposeMapping(command, state, ctx);
    case 'RecordRotationApproval':
      return recordApproval(command, state, ctx);
    case 'IssueRotationDecree':
      return issueDecree(command, state, ctx);
    default: {
      const unknown: never = command;
      return fail('COMMAND.UNKNOWN', 'Perintah tidak dikenal', 'Unknown command', {
        type: (unknown as { type?: unknown }).type,
      });
    }
  }
}

/** A rotation decider bound to a policy registry. */
export function createRotationDecider(registry: PolicyRegistry = DEFAULT_POLICIES) {
  return (command: RotationCommand, state: RotationState): RotationEvent[] => {
    refuseUncleanCommand(command);
    const today = dateOf(command.metadata.now);
    const planned = state.status === 'empty' ? null : (state as Planned);
    if (!planned && command.type !== 'PlanRotation')
      fail('ROTATION.NOT_PLANNED', 'Rotasi belum direncanakan', 'The rotation is not planned', {});
    const policy = planned
      ? getPolicy(planned.policyId, registry)
      : command.type === 'PlanRotation' && command.data.policyId
        ? getPolicy(command.data.policyId, registry)
        : policyFor(today, registry);
    const rotationId =
      planned?.rotationId ?? (command.type === 'PlanRotation' ? command.data.rotationId : '');
    const metadata = eventMetadataOf(command.metadata);
    const emit: Emit = (type, data) =>
      ({ type, data: { ...data, rotationId, at: command.metadata.now }, metadata }) as unknown as never;
    return route(command, state, { policy, today, now: command.metadata.now, emit });
  };
}

/** Decides a rotation command with the shipped policies; throws DomainError when refused. */
export const decideRotation = createRotationDecider();

export function tryDecideRotation(
  command: RotationCommand,
  state: RotationState,
): DecideResult<RotationEvent> {
  return tryDecideWith(decideRotation, command, state);
}
