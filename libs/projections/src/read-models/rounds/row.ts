/** A row of `rm_round_posts`: one post of a round, with the round's status repeated. */
export interface RoundPostRow {
  round_id: string;
  post_id: string;
  round_name: string | null;
  agency: string | null;
  round_status: string;
  post_title: string | null;
  post_kind: string | null;
  post_status: string;
  run: number;
  registration_deadline: string | null;
  extensions: number;
  applicants: number;
  appointee_id: string | null;
  status_reason: string | null;
  updated_at: string;
}

export const ROUND_POST_COLUMNS = [
  'round_id',
  'post_id',
  'round_name',
  'agency',
  'round_status',
  'post_title',
  'post_kind',
  'post_status',
  'run',
  'registration_deadline',
  'extensions',
  'applicants',
  'appointee_id',
  'status_reason',
  'updated_at',
] as const satisfies readonly (keyof RoundPostRow)[];
