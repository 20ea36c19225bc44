import type { RotationActivities } from '@selter/contracts';
import {
  decideRotation,
  evolveRotation,
  initialRotationState,
  type RotationCommand,
  type RotationEvent,
  type RotationState,
} from '@selter/domain';
import { DecisionLedger } from '../decision-ledger';
import { misdirected } from '../round/refusal';

/** A rotation's record: the domain's rotation decider, and a plan must name this workflow's rotation. */
export class RotationRecord extends DecisionLedger<RotationCommand, RotationEvent, RotationState> {
  constructor(streamId: string, rotationId: string, activities: RotationActivities) {
    super(
      streamId,
      { decide: decideRotation, evolve: evolveRotation, initialState: initialRotationState },
      { record: activities.recordRotationDecisions, read: activities.readRotationEvents },
      (command) => {
        if (command.type === 'PlanRotation' && command.data.rotationId !== rotationId) {
          throw misdirected(
            'ROTATION.WRONG_WORKFLOW',
            `rotation ${command.data.rotationId} planned in ${streamId}`,
            { rotationId: command.data.rotationId },
          );
        }
      },
    );
  }
}
