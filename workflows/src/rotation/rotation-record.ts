import type { RotationActivities } from '@selter/contracts';
import {
  decideRotation,
  evolveRotation,
  initialRotationState,
  type RotationCommand,
  type RotationEvent,
  type RotationState,
} from '@selter/domain';
import { DecisionRecord } from '../decision-record';
import { misdirected } from '../round/refusal';

/** A rotation's record: the domain's rotation decider, and a plan must name this workflow's rotation. */
export class RotationRecord extends DecisionRecord<RotationCommand, RotationEvent, RotationState> {
  constructor(streamId: string, rotationId: string, append: RotationActivities['appendRotationEvents']) {
    super(streamId, { decide: decideRotation, evolve: evolveRotation, initialState: initialRotationState }, append, (command) => {
      if (command.type === 'PlanRotation' && command.data.rotationId !== rotationId) {
        throw misdirected('ROTATION.WRONG_WORKFLOW', `rotation ${command.data.rotationId} planned in ${streamId}`, { rotationId: command.data.rotationId });
      }
    });
  }
}
