// The round pages' read bodies, which the API's OpenAPI document does not declare yet. Each mirrors
// the API's own type; delete it for the generated one once the document declares it.

/** GET /rounds, one item (RoundSummary in apps/api/src/rounds/list-rounds/list-rounds.query.ts). */
export interface RoundSummary {
  id: string;
  agency: string;
  name: string | null;
  agencyName: string | null;
  status: string;
  posts: number;
  openPosts: number;
  updatedAt: string;
}

/** A post with its status (PostView in apps/api/src/rounds/get-round/round.view.ts). */
export interface PostView {
  postId: string;
  title: string | null;
  kind: string | null;
  status: string;
  run: number;
  registrationDeadline: string | null;
  extensions: number;
  applicants: number;
  appointeeId: string | null;
  statusReason: string | null;
  updatedAt: string;
}

/** GET /rounds/{roundId} (RoundView in apps/api/src/rounds/get-round/round.view.ts). */
export interface RoundView {
  id: string;
  agency: string;
  name: string | null;
  agencyName: string | null;
  status: string;
  posts: PostView[];
}

/** An applicant with stage scores (ApplicantView in apps/api/src/rounds/list-applicants/list-applicants.query.ts). */
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

/** GET /rounds/{roundId}/posts/{postId}/applicants (ApplicantsView, same file). */
export interface ApplicantsView {
  roundId: string;
  postId: string;
  applicants: ApplicantView[];
  publications: Array<{ version: number; at: string; summary: string }>;
}

/** GET /rounds/{roundId}/timeline, one event (TimelineEntry in apps/api/src/rounds/get-timeline/get-timeline.query.ts). */
export interface TimelineEntry {
  version: number;
  eventId: string;
  type: string;
  at: string;
  postId: string | null;
  actor: { id: string | null; role: string | null };
  /** "Type: post p1, applicant a1, …, reason: …" (libs/projections/src/read-models/timeline/evolve.ts). */
  summary: string;
}
