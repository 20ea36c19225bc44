import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { responseSchema } from '../../validation/response-schema';

/** One applicant's line in a published ranking: what the announcement letter shows, no more. */
export const publishedLine = responseSchema(
  'PublishedLine',
  z.object({ rank: z.number().int(), name: z.string().nullable(), total: z.number(), proceeds: z.boolean() }),
);
export type PublishedLine = z.infer<typeof publishedLine>;

/** A stage's ranking as published (R21, PP 11/2017 Pasal 121). */
export const publishedStage = responseSchema(
  'PublishedStage',
  z.object({
    stageId: z.string(),
    stageName: z.string().nullable(),
    publishedAt: z.string(),
    ranking: z.array(publishedLine),
  }),
);
export type PublishedStage = z.infer<typeof publishedStage>;

export const publicRound = responseSchema(
  'PublicRound',
  z.object({
    roundId: z.string(),
    name: z.string().nullable(),
    /** The agency's name as the announced plan gives it (e.g. Pemerintah Kabupaten Contoh). */
    agencyName: z.string().nullable(),
    status: z.string(),
    posts: z.array(
      z.object({
        postId: z.string(),
        title: z.string().nullable(),
        status: z.string(),
        stages: z.array(publishedStage),
      }),
    ),
  }),
);
export type PublicRound = z.infer<typeof publicRound>;

export const publicAgencyView = responseSchema(
  'PublicAgencyRounds',
  z.object({ agency: z.string(), rounds: z.array(publicRound) }),
);
export type PublicAgencyView = z.infer<typeof publicAgencyView>;

/** The agency's rounds and every ranking they published, for citizens: no sign-in. */
export class PublishedResultsQuery extends Query<PublicAgencyView> {
  constructor(readonly agency: string) {
    super();
  }
}
