import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '../../auth/principal';
import { responseSchema } from '../../validation/response-schema';

export const roundSummary = responseSchema(
  'RoundSummary',
  z.object({
    id: z.string().describe('round-<agency>-<roundId>'),
    agency: z.string(),
    name: z.string().nullable(),
    agencyName: z.string().nullable(),
    status: z.string(),
    posts: z.number().int(),
    openPosts: z.number().int(),
    updatedAt: z.string(),
    readOnly: z
      .boolean()
      .describe(
        "The caller reads this round and decides nothing in it: an auditor, or the province over the round's agency (ADR 30)",
      ),
  }),
);
export type RoundSummary = z.infer<typeof roundSummary>;

export const roundList = responseSchema(
  'RoundList',
  z.object({ rounds: z.array(roundSummary).describe('Newest change first') }),
);
export type RoundList = z.infer<typeof roundList>;

export class ListRoundsQuery extends Query<RoundList> {
  constructor(
    readonly principal: Principal,
    readonly limit: number,
  ) {
    super();
  }
}
