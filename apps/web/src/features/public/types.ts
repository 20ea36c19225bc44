// GET /public/agencies/{agency}/rounds, which the console's generated types do not include yet.
// Mirrors apps/api/src/public/published-results/published-results.query.ts.

/** One applicant's line in a published ranking: what the announcement shows, no more. */
export interface PublishedLine {
  rank: number;
  name: string | null;
  total: number;
  proceeds: boolean;
}

/** A stage's ranking as the pansel published it (R21, PP 11/2017 Pasal 121). */
export interface PublishedStage {
  stageId: string;
  publishedAt: string;
  ranking: PublishedLine[];
}

export interface PublicPost {
  postId: string;
  title: string | null;
  status: string;
  stages: PublishedStage[];
}

export interface PublicRound {
  roundId: string;
  name: string | null;
  status: string;
  posts: PublicPost[];
}

export interface PublicAgencyView {
  agency: string;
  rounds: PublicRound[];
}
