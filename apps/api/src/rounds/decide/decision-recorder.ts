import { Inject, Injectable } from '@nestjs/common';
import type { RoundCommand } from '@selter/domain';
import type { Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../../infrastructure/tokens';
import { ApiMetrics } from '../../metrics/metrics';
import { ProblemException } from '../../problem/problem-details.filter';
import type { CommandContext, DecisionResponse } from '../command-context';
import { RoundFactsCache } from '../round-facts';
import type { RoundRef } from '../round-id';
import { sendDecision, updateIdOf } from '../send-decision';

/** Events after which the facts authorisation reads (pansel, applicants' conflicts) have changed. */
const CHANGES_FACTS = new Set(['RoundPlanned', 'PlanRevised', 'ApplicantRegistered', 'PostRerunStarted']);

/** Sends an authorised decision to the round's workflow and counts the outcome. */
@Injectable()
export class DecisionRecorder {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly facts: RoundFactsCache,
    private readonly metrics: ApiMetrics,
  ) {}

  /** `updateId`: the Update's id, by default derived from the request's Idempotency-Key (one decision per request). */
  async record(ctx: CommandContext, round: RoundRef, command: RoundCommand, updateId = updateIdOf(ctx.principal.id, ctx.idempotencyKey)): Promise<DecisionResponse> {
    try {
      const result = await sendDecision(this.client, round.id, command, updateId);
      this.metrics.decisions.inc({ type: command.type, outcome: 'accepted' });
      if (result.events.some((e) => CHANGES_FACTS.has(e.type))) this.facts.forget(round);
      return { roundId: round.id, version: result.version, events: result.events };
    } catch (error) {
      this.metrics.decisions.inc({ type: command.type, outcome: error instanceof ProblemException ? error.problem.code : 'error' });
      throw error;
    }
  }
}
