import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RoundPlan, StageResultsPublished } from '@selter/domain';
import { readStream } from '@selter/event-store';
import { listRounds, postApplicants, roundPosts } from '@selter/projections';
import type { Sql } from 'postgres';
import { SQL } from '../../infrastructure/tokens';
import { iso } from '../../rounds/get-round/round.view';
import { PublishedResultsQuery, type PublicAgencyView, type PublicRound } from './published-results.query';

/** Rounds the public sees: announced ones and finished ones; a plan stays internal until it is announced. */
const PUBLIC_STATUSES = new Set(['announced', 'closed']);

/**
 * Citizens read every stage's ranking (R21, PP 11/2017 Pasal 121) without signing in: each ranking
 * exactly as the pansel published it (the StageResultsPublished event), with the applicants' names.
 */
@QueryHandler(PublishedResultsQuery)
export class PublishedResultsHandler implements IQueryHandler<PublishedResultsQuery, PublicAgencyView> {
  constructor(@Inject(SQL) private readonly sql: Sql) {}

  async execute({ agency }: PublishedResultsQuery): Promise<PublicAgencyView> {
    const rounds = (await listRounds(this.sql, `round-${agency}-`, 50)).filter((r) =>
      PUBLIC_STATUSES.has(r.round_status),
    );
    return {
      agency,
      rounds: await Promise.all(rounds.map((r) => this.round(r.round_id, r.round_name, r.round_status))),
    };
  }

  private async round(roundId: string, name: string | null, status: string): Promise<PublicRound> {
    const [posts, events] = await Promise.all([roundPosts(this.sql, roundId), readStream(this.sql, roundId)]);
    const published = events.filter((e) => e.type === 'StageResultsPublished') as unknown as Array<{
      data: StageResultsPublished['data'];
      recordedAt: string;
    }>;
    // The plan as announced (the last one planned or revised) names the agency and each stage.
    const plan = (
      events.filter((e) => e.type === 'RoundPlanned' || e.type === 'PlanRevised').at(-1)?.data as
        { plan?: RoundPlan } | undefined
    )?.plan;
    const stageNames = new Map((plan?.stages ?? []).map((stage) => [stage.stageId, stage.name]));
    return {
      roundId,
      name,
      agencyName: plan?.agency.name ?? null,
      status,
      posts: await Promise.all(
        posts.map(async (post) => {
          const names = new Map(
            (await postApplicants(this.sql, roundId, post.post_id)).map((a) => [a.applicant_id, a.name]),
          );
          const stages = published
            .filter((e) => e.data.postId === post.post_id)
            .map((e) => ({
              stageId: e.data.stageId,
              stageName: stageNames.get(e.data.stageId) ?? null,
              publishedAt: iso(e.data.at),
              ranking: e.data.ranking.map((line) => ({
                rank: line.rank,
                name: names.get(line.applicantId) ?? null,
                total: line.total,
                proceeds: line.proceeds,
              })),
            }));
          return { postId: post.post_id, title: post.post_title, status: post.post_status, stages };
        }),
      ),
    };
  }
}
