import { Injectable } from '@nestjs/common';
import { rotationStateQuery, type RotationWorkflowInput } from '@selter/contracts';
import type { RotationCommand, RotationState } from '@selter/domain';
import type { RoundRef } from '../rounds/round-id';
import { WorkflowPort, type DecisionOutcome } from './workflow-port';

/** The rotation workflows as the API's handlers use them (ADR 16). */
@Injectable()
export class RotationWorkflows {
  constructor(private readonly port: WorkflowPort) {}

  start(rotation: RoundRef, input: RotationWorkflowInput): Promise<void> {
    return this.port.start('ROTATION', 'rotation', rotation, input);
  }

  decide(
    rotation: RoundRef,
    command: RotationCommand,
    decisionId: string,
    idempotencyKey?: string,
  ): Promise<DecisionOutcome> {
    return this.port.decide('ROTATION', rotation, command, decisionId, idempotencyKey);
  }

  state(rotation: RoundRef): Promise<RotationState> {
    return this.port.query('ROTATION', rotation.id, rotationStateQuery);
  }
}
