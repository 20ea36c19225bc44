import { Injectable } from '@nestjs/common';
import type { RoundCommand } from '@selter/domain';
import { ApiMetrics } from '../../metrics/metrics';
import { ProblemException } from '../../problem/problem-details.filter';
import { RoundWorkflows } from '../../workflows/round-workflows';
import type { CommandContext, DecisionResponse } from '../command-context';
import { RoundFactsCache } from '../round-facts';
import type { RoundRef } from '../round-id';
import { decisionIdentity } from '../send-decision';

/** Events after which the facts authorisation reads (pansel, applicants' conflicts) have changed. */
const CHANGES_FACTS = new Set(['RoundPlanned', 'PlanRevised', 'ApplicantRegistered', 'PostRerunStarted']);

/** Sends an authorised decision to the round's workflow and counts the outcome. */
@Injectable()
export class DecisionRecorder {
  constructor(
    private readonly rounds: RoundWorkflows,
    private readonly facts: RoundFactsCache,
    private readonly metrics: ApiMetrics,
  ) {}

  /** `decisionId`: the Update's id, by default derived from the request's Idempotency-Key (one decision per request). */
  async record(
    ctx: CommandContext,
    round: RoundRef,
    command: RoundCommand,
    decisionId?: string,
  ): Promise<DecisionResponse> {
    const identity = decisionIdentity(ctx.principal.id, ctx.idempotencyKey);
    try {
      const result = await this.rounds.decide(
        round,
        command,
        decisionId ?? identity.decisionId,
        ctx.idempotencyKey ?? (decisionId ? undefined : identity.idempotencyKey),
      );
      this.metrics.decisions.inc({ type: command.type, outcome: 'accepted' });
      if (result.events.some((e) => CHANGES_FACTS.has(e.type))) this.facts.forget(round);
      return { roundId: round.id, version: result.version, events: result.events };
    } catch (error) {
      this.metrics.decisions.inc({
        type: command.type,
        outcome: error instanceof ProblemException ? error.problem.code : 'error',
      });
      throw error;
    }
  }
}
