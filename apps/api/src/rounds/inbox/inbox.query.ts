import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '../../auth/principal';
import { responseSchema } from '../../validation/response-schema';

/** A decision waiting on the caller, how long it has waited, and the policy's service level for it. */
export const inboxItem = responseSchema(
  'InboxItem',
  z.object({
    roundId: z.string(),
    roundName: z.string().nullable(),
    postId: z.string().nullable(),
    command: z.string().describe('The decision awaited, e.g. CloseRegistration'),
    role: z.string(),
    since: z
      .string()
      .nullable()
      .describe(
        'When the wait began: the latest event of the post (or of the round, for round-wide decisions)',
      ),
    waitedDays: z.number().nullable(),
    serviceLevelDays: z
      .number()
      .nullable()
      .describe("The policy's soft service level (serviceLevels), when it sets one for this decision"),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    reminders: z
      .number()
      .int()
      .describe("Reminders the round's clock has sent for this wait (DecisionReminded)"),
    escalated: z
      .boolean()
      .describe(
        "True once the wait was escalated (DecisionEscalated): to the oversight body's leadership, or to the body for a PPK",
      ),
    alarm: z
      .object({ code: z.string(), year: z.number().int().nullable(), command: z.string(), since: z.string() })
      .nullable()
      .describe(
        "The round clock's alarm on this wait: it could not act (CALENDAR.YEAR_MISSING: no calendar for the year) and waits instead of closing early",
      ),
  }),
);
export type InboxItem = z.infer<typeof inboxItem>;

export const inbox = responseSchema(
  'Inbox',
  z.object({ now: z.string(), items: z.array(inboxItem).describe('Oldest wait first') }),
);
export type Inbox = z.infer<typeof inbox>;

export class InboxQuery extends Query<Inbox> {
  constructor(readonly principal: Principal) {
    super();
  }
}
