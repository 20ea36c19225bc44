import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { tryDecide, type RoundCommand } from '@selter/domain';
import type { Client } from '@temporalio/client';
import { RoundAccess } from '../../access/round-access';
import type { Clock } from '../../clock/clock';
import { CLOCK, TEMPORAL_CLIENT } from '../../infrastructure/tokens';
import { metadataFor } from '../command-context';
import { roundStateOf } from '../round-facts';
import { finished } from '../send-decision';
import { checkAnswer, CheckDecisionQuery, type DecisionCheck } from './check-decision.query';

/**
 * A decision's dry run: the same authorisation and command as the real one, decided by the
 * domain's pure decider on the state the round's workflow holds (its Query), and nothing sent or
 * recorded. A refusal is the problem the real decision would get, so a form can show the rule
 * before the person submits. The state may move on before the real decision arrives: the real
 * decision is judged again, and its answer is the one that counts.
 */
@QueryHandler(CheckDecisionQuery)
export class CheckDecisionHandler implements IQueryHandler<CheckDecisionQuery, DecisionCheck> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly access: RoundAccess,
  ) {}

  async execute({ ctx, round, type, data }: CheckDecisionQuery): Promise<DecisionCheck> {
    await this.access.assertDecide(ctx.principal, round, type, data);
    const command = { type, data, metadata: metadataFor(ctx, this.clock) } as RoundCommand;
    const state = await roundStateOf(this.client, round);
    // A closed or cancelled round's workflow has ended: the real decision finds no workflow to take it.
    if (state.status === 'closed' || state.status === 'cancelled') throw finished(round.id);
    return checkAnswer(tryDecide(command, state));
  }
}
