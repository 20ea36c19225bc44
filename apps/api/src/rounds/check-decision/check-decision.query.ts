import { Query } from '@nestjs/cqrs';
import type { DecideResult } from '@selter/domain';
import { z } from 'zod';
import { refused } from '../../problem/problems';
import { responseSchema } from '../../validation/response-schema';
import type { CommandContext } from '../command-context';
import type { RoundRef } from '../round-id';
import type { DecisionType } from '../schemas/decision-bodies';

/** What a dry run answers when the rules allow the decision: the events it would record now. */
export const decisionCheck = responseSchema(
  'DecisionCheck',
  z.object({
    allowed: z.literal(true),
    events: z.array(z.string()).describe('The types of the events the decision would record, in order'),
  }),
);
export type DecisionCheck = z.infer<typeof decisionCheck>;

/** The decider's outcome as a check's answer, or as the very problem the real decision would get. */
export function checkAnswer(outcome: DecideResult<{ type: string }>): DecisionCheck {
  if (!outcome.ok) throw refused(outcome.error.toJSON());
  return { allowed: true, events: outcome.events.map((e) => e.type) };
}

/** Would this decision be accepted on the round as it stands? Decides it without recording anything. */
export class CheckDecisionQuery extends Query<DecisionCheck> {
  constructor(
    readonly ctx: CommandContext,
    readonly round: RoundRef,
    readonly type: DecisionType,
    readonly data: Record<string, unknown>,
  ) {
    super();
  }
}
