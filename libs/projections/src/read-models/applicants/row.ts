/** A row of `rm_post_applicants`: an applicant of a post's current run. */
export interface ApplicantRow {
  round_id: string;
  post_id: string;
  applicant_id: string;
  name: string | null;
  nip: string | null;
  invited: boolean;
  registered_at: string;
  verdict: string | null;
  withdrawn: boolean;
  eliminated_at: string | null;
  /** Raw score per stage id. */
  scores: Record<string, number>;
  total: number | null;
  rank: number | null;
}

export const APPLICANT_COLUMNS = [
  'round_id',
  'post_id',
  'applicant_id',
  'name',
  'nip',
  'invited',
  'registered_at',
  'verdict',
  'withdrawn',
  'eliminated_at',
  'scores',
  'total',
  'rank',
] as const satisfies readonly (keyof ApplicantRow)[];
