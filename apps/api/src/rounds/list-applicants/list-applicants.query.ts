import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '../../auth/principal';
import { responseSchema } from '../../validation/response-schema';
import type { RoundRef } from '../round-id';

export const applicantView = responseSchema(
  'ApplicantView',
  z.object({
    applicantId: z.string(),
    name: z.string().nullable(),
    nip: z.string().nullable(),
    invited: z.boolean(),
    registeredAt: z.string(),
    verdict: z.string().nullable(),
    withdrawn: z.boolean(),
    eliminatedAt: z.string().nullable(),
    scores: z.record(z.string(), z.number()).describe('Raw score per stage id'),
    total: z.number().nullable(),
    rank: z.number().int().nullable().describe('Rank in the latest published ranking'),
  }),
);
export type ApplicantView = z.infer<typeof applicantView>;

/** A stage's published ranking (R21), as the round's timeline records it. */
export const publicationView = responseSchema(
  'PublicationView',
  z.object({ version: z.number().int(), at: z.string(), summary: z.string() }),
);
export type PublicationView = z.infer<typeof publicationView>;

export const applicantsView = responseSchema(
  'ApplicantsView',
  z.object({
    roundId: z.string(),
    postId: z.string(),
    applicants: z.array(applicantView),
    publications: z.array(publicationView),
  }),
);
export type ApplicantsView = z.infer<typeof applicantsView>;

export class ListApplicantsQuery extends Query<ApplicantsView> {
  constructor(
    readonly principal: Principal,
    readonly round: RoundRef,
    readonly postId: string,
  ) {
    super();
  }
}
