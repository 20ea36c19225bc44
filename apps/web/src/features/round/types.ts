import type { components } from '../../api/schema';

// The round pages' read bodies, as the API's OpenAPI document declares them (generated in
// ../../api/schema.d.ts).

type Schemas = components['schemas'];

/** GET /rounds, one item. */
export type RoundSummary = Schemas['RoundSummary'];

/** A post with its status; `kind` 'sekda' and 'sekwan' carry extra gates (R24, R25). */
export type PostView = Schemas['PostView'];

/** GET /rounds/{roundId}: the round and its posts. */
export type RoundView = Schemas['RoundView'];

/** An applicant of a post's current run: verdict, raw score per stage id, total and rank in the latest published ranking. */
export type ApplicantView = Schemas['ApplicantView'];

/** GET /rounds/{roundId}/posts/{postId}/applicants. */
export type ApplicantsView = Schemas['ApplicantsView'];

/** A stage's ranked publication: its summary names the stage. */
export type PublicationView = Schemas['PublicationView'];

/** GET /rounds/{roundId}/timeline, one event; its summary reads "Type: post p1, applicant a1, …, reason: …". */
export type TimelineEntry = Schemas['TimelineEntry'];
