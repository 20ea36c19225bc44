import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { postApplicants, roundPosts, roundTimeline } from '@selter/projections';
import type { Sql } from 'postgres';
import { RoundAccess } from '../../access/round-access';
import { SQL } from '../../infrastructure/tokens';
import { notFound } from '../../problem/problems';
import { iso } from '../get-round/round.view';
import { ListApplicantsQuery, type ApplicantsView } from './list-applicants.query';

/** A post's applicants with their stage scores, totals and ranks, and the post's published rankings. */
@QueryHandler(ListApplicantsQuery)
export class ListApplicantsHandler implements IQueryHandler<ListApplicantsQuery, ApplicantsView> {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly access: RoundAccess,
  ) {}

  async execute({ principal, round, postId }: ListApplicantsQuery): Promise<ApplicantsView> {
    await this.access.assertRead(principal, round);
    const [posts, rows, timeline] = await Promise.all([
      roundPosts(this.sql, round.id),
      postApplicants(this.sql, round.id, postId),
      roundTimeline(this.sql, round.id, 1, 10_000),
    ]);
    if (!posts.some((p) => p.post_id === postId))
      throw notFound('POST.UNKNOWN', `Round ${round.id} has no post ${postId}.`);
    return {
      roundId: round.id,
      postId,
      applicants: rows.map((a) => ({
        applicantId: a.applicant_id,
        name: a.name,
        nip: a.nip,
        invited: a.invited,
        registeredAt: iso(a.registered_at),
        verdict: a.verdict,
        withdrawn: a.withdrawn,
        eliminatedAt: a.eliminated_at,
        scores: a.scores,
        total: a.total === null ? null : Number(a.total),
        rank: a.rank,
      })),
      publications: timeline
        .filter((e) => e.type === 'StageResultsPublished' && e.post_id === postId)
        .map((e) => ({ version: Number(e.stream_version), at: iso(e.at), summary: e.summary })),
    };
  }
}
