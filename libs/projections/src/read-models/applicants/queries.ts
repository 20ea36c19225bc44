import type { Sql } from 'postgres';
import type { ApplicantRow } from './row';

/** A post's applicants, ranked first (by the last published ranking), then by registration. */
export const postApplicants = (sql: Sql, roundId: string, postId: string): Promise<ApplicantRow[]> =>
  sql<ApplicantRow[]>`
    select * from rm_post_applicants where round_id = ${roundId} and post_id = ${postId}
    order by rank nulls last, registered_at, applicant_id`;
