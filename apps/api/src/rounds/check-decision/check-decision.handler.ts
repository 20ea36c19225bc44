import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  createRoundDecider,
  roundCalendarOf,
  tryDecideWith,
  type RoundCommand,
  type RoundPlan,
} from '@selter/domain';
import { RoundAccess } from '../../access/round-access';
import { AgencyTree } from '../../calendar/agency-tree';
import { CalendarBookService } from '../../calendar/calendar-book.service';
import type { Clock } from '../../clock/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { finishedProblem } from '../../workflows/temporal-problems';
import { RoundWorkflows } from '../../workflows/round-workflows';
import { metadataFor } from '../command-context';
import { assertPlanLevel } from '../plan-level';
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
    private readonly rounds: RoundWorkflows,
    private readonly access: RoundAccess,
    private readonly calendar: CalendarBookService,
    private readonly tree: AgencyTree,
  ) {}

  async execute({ ctx, round, type, data }: CheckDecisionQuery): Promise<DecisionCheck> {
    await this.access.assertDecide(ctx.principal, round, type, data);
    if (type === 'RevisePlan') await assertPlanLevel(this.tree, round.agency, data['plan'] as RoundPlan);
    const command = { type, data, metadata: metadataFor(ctx, this.clock) } as RoundCommand;
    const [state, book] = await Promise.all([this.rounds.state(round), this.calendar.read()]);
    // A closed or cancelled round's workflow has ended: the real decision finds no workflow to take it.
    if (state.status === 'closed' || state.status === 'cancelled') throw finishedProblem(round.id, 'ROUND');
    // Decided with the agency's calendar as it is now, as the round's workflow will (ADR 24).
    return checkAnswer(
      tryDecideWith(
        createRoundDecider(undefined, roundCalendarOf(book, round.agency)).decide,
        command,
        state,
      ),
    );
  }
}
