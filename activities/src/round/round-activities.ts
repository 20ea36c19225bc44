import type { RoundActivities } from '@selter/contracts';
import { roundCalendarOf, type RoundEvent } from '@selter/domain';
import type { Sql } from 'postgres';
import { readCalendarBook } from '@selter/projections';
import { readDecisionPage, recordDecisionBatch } from '../shared/record-decisions';

export interface RoundActivityDeps {
  /** Records take their time from the workflow, not from a clock here, so retries store the same record. */
  readonly sql: Sql;
}

/** The round workflow's side effects, built over their dependencies (STYLE.md rule 6). */
export function createRoundActivities({ sql }: RoundActivityDeps): RoundActivities {
  return {
    /**
     * Records a batch of the round's decisions at the version the workflow decided them on (ADR 16):
     * `recorded`, `behind` with the events the workflow has to fold first, or `rejected` for good.
     * Idempotent: event ids derive from the decisions, so a retry finds its own events.
     */
    recordRoundDecisions: (input) => recordDecisionBatch<RoundEvent>(sql, input),

    /** A page of the round's events as the domain folds them, each under its decision. */
    readRoundEvents: (input) => readDecisionPage<RoundEvent>(sql, input),

    /** The agency's calendar as the calendar stream holds it now: days off, years covered, zone (ADR 24). */
    loadRoundCalendar: async ({ agency }) => roundCalendarOf(await readCalendarBook(sql), agency),
  };
}
