// The round's read bodies a decision page uses (GET /rounds/{roundId}, GET
// /rounds/{roundId}/posts/{postId}/applicants), generated from the API's document and typed once
// for the console's round views.
export type { ApplicantView, ApplicantsView, PostView, PublicationView, RoundView } from '../round/types';
