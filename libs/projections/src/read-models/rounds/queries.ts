import type { Sql } from 'postgres';
import type { RoundPostRow } from './row';

/** The posts of a round with their status, in post id order. */
export const roundPosts = (sql: Sql, roundId: string): Promise<RoundPostRow[]> =>
  sql<RoundPostRow[]>`select * from rm_round_posts where round_id = ${roundId} order by post_id`;

/** Posts currently in a status (e.g. every post in `selection`), oldest change first. */
export const postsInStatus = (sql: Sql, status: string, limit = 100): Promise<RoundPostRow[]> =>
  sql<
    RoundPostRow[]
  >`select * from rm_round_posts where post_status = ${status} order by updated_at limit ${limit}`;

/** One round as listed: its name, agency name, status and post counts (from its post rows). */
export interface RoundSummaryRow {
  round_id: string;
  round_name: string | null;
  agency: string | null;
  round_status: string;
  posts: number;
  open_posts: number;
  updated_at: string;
}

/** Rounds whose id starts with `idPrefix` (a tenant: `round-<agency>-`) or one of several, or every round (null). */
const startsWith = (sql: Sql, idPrefix: string | readonly string[] | null) => {
  if (idPrefix === null) return sql`true`;
  const prefixes = typeof idPrefix === 'string' ? [idPrefix] : idPrefix;
  return prefixes.length === 0
    ? sql`false`
    : prefixes.map((p) => sql`starts_with(round_id, ${p})`).reduce((a, b) => sql`${a} or ${b}`);
};

/** Rounds whose id starts with `idPrefix` (a tenant: `round-<agency>-`, or several), or every round; newest change first. */
export const listRounds = (
  sql: Sql,
  idPrefix: string | readonly string[] | null,
  limit = 100,
): Promise<RoundSummaryRow[]> =>
  sql<RoundSummaryRow[]>`
    select round_id, max(round_name) as round_name, max(agency) as agency, max(round_status) as round_status,
           count(*)::int as posts,
           count(*) filter (where post_status not in ('inaugurated', 'dropped', 'postponed', 'cancelled'))::int as open_posts,
           max(updated_at) as updated_at
    from rm_round_posts
    where ${startsWith(sql, idPrefix)}
    group by round_id order by max(updated_at) desc, round_id limit ${limit}`;
