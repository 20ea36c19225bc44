import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal';
import type { RoundRef } from '../round-id';

export interface ApplicantView {
  applicantId: string;
  name: string | null;
  nip: string | null;
  invited: boolean;
  registeredAt: string;
  verdict: string | null;
  withdrawn: boolean;
  eliminatedAt: string | null;
  /** Raw score per stage id. */
  scores: Record<string, number>;
  total: number | null;
  /** Rank in the latest published ranking. */
  rank: number | null;
}

/** A stage's published ranking (R21), as the round's timeline records it. */
export interface PublicationView {
  version: number;
  at: string;
  summary: string;
}

export interface ApplicantsView {
  roundId: string;
  postId: string;
  applicants: ApplicantView[];
  publications: PublicationView[];
}

export class ListApplicantsQuery extends Query<ApplicantsView> {
  constructor(
    readonly principal: Principal,
    readonly round: RoundRef,
    readonly postId: string,
  ) {
    super();
  }
}
