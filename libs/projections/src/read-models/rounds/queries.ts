import type { Sql } from 'postgres';
import type { RoundPostRow } from './row';

/** The posts of a round with their status, in post id order. */
export const roundPosts = (sql: Sql, roundId: string): Promise<RoundPostRow[]> =>
  sql<RoundPostRow[]>`select * from rm_round_posts where round_id = ${roundId} order by post_id`;

/** Posts currently in a status (e.g. every post in `selection`), oldest change first. */
export const postsInStatus = (sql: Sql, status: string, limit = 100): Promise<RoundPostRow[]> =>
  sql<RoundPostRow[]>`select * from rm_round_posts where post_status = ${status} order by updated_at limit ${limit}`;
