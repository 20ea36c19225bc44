import { Injectable } from '@nestjs/common';
import type { RotationCommand } from '@selter/domain';
import { ApiMetrics } from '../metrics/metrics';
import { ProblemException } from '../problem/problem-details.filter';
import { z } from 'zod';
import { recordedEvent, type CommandContext } from '../rounds/command-context';
import type { RoundRef } from '../rounds/round-id';
import { decisionIdentity } from '../rounds/send-decision';
import { RotationWorkflows } from '../workflows/rotation-workflows';
import { responseSchema } from '../validation/response-schema';

/** The documented body of RotationDecisionResponse. */
export const rotationDecisionResult = responseSchema(
  'RotationDecisionResult',
  z.object({
    rotationId: z.string(),
    version: z.number().int().describe('The rotation stream version after the decision'),
    events: z.array(recordedEvent),
  }),
);

/** What an accepted rotation decision answers (rotationDecisionResult). */
export interface RotationDecisionResponse {
  readonly rotationId: string;
  readonly version: number;
  readonly events: readonly unknown[];
}

/** Sends an authorised rotation decision as its Update and counts the outcome. */
@Injectable()
export class RotationRecorder {
  constructor(
    private readonly rotations: RotationWorkflows,
    private readonly metrics: ApiMetrics,
  ) {}

  async record(
    ctx: CommandContext,
    rotation: RoundRef,
    command: RotationCommand,
  ): Promise<RotationDecisionResponse> {
    try {
      const { decisionId, idempotencyKey } = decisionIdentity(ctx.principal.id, ctx.idempotencyKey);
      const result = await this.rotations.decide(rotation, command, decisionId, idempotencyKey);
      this.metrics.decisions.inc({ type: command.type, outcome: 'accepted' });
      return { rotationId: rotation.id, version: result.version, events: result.events };
    } catch (error) {
      this.metrics.decisions.inc({
        type: command.type,
        outcome: error instanceof ProblemException ? error.problem.code : 'error',
      });
      throw error;
    }
  }
}
