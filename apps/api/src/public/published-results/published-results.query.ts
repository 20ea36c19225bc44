import { Query } from '@nestjs/cqrs';

/** One applicant's line in a published ranking: what the announcement letter shows, no more. */
export interface PublishedLine {
  rank: number;
  name: string | null;
  total: number;
  proceeds: boolean;
}

/** A stage's ranking as published (R21, PP 11/2017 Pasal 121). */
export interface PublishedStage {
  stageId: string;
  publishedAt: string;
  ranking: PublishedLine[];
}

export interface PublicRound {
  roundId: string;
  name: string | null;
  status: string;
  posts: Array<{ postId: string; title: string | null; status: string; stages: PublishedStage[] }>;
}

export interface PublicAgencyView {
  agency: string;
  rounds: PublicRound[];
}

/** The agency's rounds and every ranking they published, for citizens: no sign-in. */
export class PublishedResultsQuery extends Query<PublicAgencyView> {
  constructor(readonly agency: string) {
    super();
  }
}
