import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { roundTimeline } from '@selter/projections';
import type { Sql } from 'postgres';
import { RoundAccess } from '../../access/round-access';
import { SQL } from '../../infrastructure/tokens';
import { iso } from '../get-round/round.view';
import { GetTimelineQuery, type Timeline } from './get-timeline.query';

/** The round's events in order, summarised for people, with who took each decision in which role. */
@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, Timeline> {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly access: RoundAccess,
  ) {}

  async execute({ principal, round, fromVersion, limit }: GetTimelineQuery): Promise<Timeline> {
    await this.access.assertRead(principal, round);
    const rows = await roundTimeline(this.sql, round.id, fromVersion, limit);
    return {
      roundId: round.id,
      events: rows.map((e) => ({
        version: Number(e.stream_version),
        eventId: e.event_id,
        type: e.type,
        at: iso(e.at),
        postId: e.post_id,
        actor: { id: e.actor_id, role: e.actor_role },
        summary: e.summary,
      })),
    };
  }
}
