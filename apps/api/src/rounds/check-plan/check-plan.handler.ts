import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { checkPlan, DEFAULT_POLICIES, DomainError, roundCalendarOf, type PlanRound } from '@selter/domain';
import { CalendarBookService } from '../../calendar/calendar-book.service';
import { RoundAccess } from '../../access/round-access';
import { AgencyTree } from '../../calendar/agency-tree';
import type { Clock } from '../../clock/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { refused } from '../../problem/problems';
import { metadataFor } from '../command-context';
import { assertPlanLevel } from '../plan-level';
import { roundRef } from '../round-id';
import { agencyFor } from '../start-workflow';
import { CheckPlanQuery, planCheckAnswer, type PlanCheckView } from './check-plan.query';

/** The round id a check names when the operator has not chosen one yet (never started). */
const UNNAMED = 'plan-check';

/**
 * The plan dry run (docs/adr/0022): the same authorisation, policy choice and validators as
 * PlanRound, but every finding at once and nothing started or recorded. The plan editor shows
 * them live, so the browser holds no copy of the rules. A command refused before the plan is
 * looked at (an unknown policy, one not in force) is the problem the real decision would get.
 */
@QueryHandler(CheckPlanQuery)
export class CheckPlanHandler implements IQueryHandler<CheckPlanQuery, PlanCheckView> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: RoundAccess,
    private readonly calendar: CalendarBookService,
    private readonly tree: AgencyTree,
  ) {}

  async execute({ ctx, request }: CheckPlanQuery): Promise<PlanCheckView> {
    const roundId = request.roundId ?? UNNAMED;
    const round = roundRef(agencyFor(ctx.principal, request.agency, 'rounds'), roundId);
    const data = { roundId, plan: request.plan, ...(request.policyId ? { policyId: request.policyId } : {}) };
    await this.access.assertDecide(ctx.principal, round, 'PlanRound', data);
    await assertPlanLevel(this.tree, round.agency, request.plan);
    const command: PlanRound = { type: 'PlanRound', data, metadata: metadataFor(ctx, this.clock) };
    // Counted with the agency's calendar as it is now, as the round's workflow will (ADR 24).
    const calendar = roundCalendarOf(await this.calendar.read(), round.agency);
    try {
      return planCheckAnswer(checkPlan(command, DEFAULT_POLICIES, calendar));
    } catch (error) {
      if (error instanceof DomainError) throw refused(error.toJSON());
      throw error;
    }
  }
}
