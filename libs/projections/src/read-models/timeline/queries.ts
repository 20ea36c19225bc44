import type { Sql } from 'postgres';
import type { TimelineRow } from './row';

/** A round's events in stream order, from a version on (for paging). */
export const roundTimeline = (sql: Sql, roundId: string, fromVersion = 1, limit = 500): Promise<TimelineRow[]> =>
  sql<TimelineRow[]>`
    select * from rm_round_timeline where round_id = ${roundId} and stream_version >= ${fromVersion}
    order by stream_version limit ${limit}`;
