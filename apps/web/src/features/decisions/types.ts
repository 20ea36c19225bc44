// The read endpoints a decision page uses declare no response schema in the API's document yet.
// These are the parts of the API's own types the page reads, until the document declares them:
// GET /rounds/{roundId} answers RoundView (apps/api/src/rounds/get-round/round.view.ts), GET
// /rounds/{roundId}/posts/{postId}/applicants ApplicantsView (…/list-applicants/list-applicants.query.ts).

/** A post of a round (PostView); `kind` 'sekda' and 'sekwan' carry extra gates (R24, R25). */
export interface PostView {
  postId: string;
  title: string | null;
  kind: string | null;
  status: string;
  extensions: number;
  applicants: number;
  appointeeId: string | null;
  statusReason: string | null;
  updatedAt: string;
}

/** A round and its posts with their status (RoundView). */
export interface RoundView {
  id: string;
  agency: string;
  name: string | null;
  agencyName: string | null;
  status: string;
  posts: PostView[];
}

/** An applicant of a post's current run (ApplicantView): verdict, raw score per stage id, total and rank in the latest published ranking. */
export interface ApplicantView {
  applicantId: string;
  name: string | null;
  nip: string | null;
  verdict: string | null;
  withdrawn: boolean;
  /** The stage whose published ranking eliminated the applicant. */
  eliminatedAt: string | null;
  scores: Record<string, number>;
  total: number | null;
  rank: number | null;
}

/** A stage's ranked publication (PublicationView): its summary names the stage. */
export interface PublicationView {
  summary: string;
}

export interface ApplicantsView {
  applicants: ApplicantView[];
  publications: PublicationView[];
}
