import type { Sql } from 'postgres';
import type { TimelineRow } from './row';

/** A round's events in stream order, from a version on (for paging). */
export const roundTimeline = (
  sql: Sql,
  roundId: string,
  fromVersion = 1,
  limit = 500,
): Promise<TimelineRow[]> =>
  sql<TimelineRow[]>`
    select * from rm_round_timeline where round_id = ${roundId} and stream_version >= ${fromVersion}
    order by stream_version limit ${limit}`;

/** The instant of the latest event per round and post (`post_id` '' for round-wide events): when each scope's current wait began. */
export const lastEventAt = (
  sql: Sql,
  roundIds: readonly string[],
): Promise<Array<{ round_id: string; post_id: string; at: string }>> =>
  roundIds.length === 0
    ? Promise.resolve([])
    : sql<Array<{ round_id: string; post_id: string; at: string }>>`
        select round_id, coalesce(post_id, '') as post_id, max(at) as at from rm_round_timeline
        where round_id = any(${sql.array([...roundIds])}) group by round_id, coalesce(post_id, '')`;
