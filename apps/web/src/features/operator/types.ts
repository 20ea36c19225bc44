import type { components, paths } from '../../api/schema';

/** POST /rounds: the round's local id, the policy asked for, and the plan (generated from the API's document). */
export type PlanRoundRequest = paths['/rounds']['post']['requestBody']['content']['application/json'];
export type PlanBody = PlanRoundRequest['plan'];
/** A plan as a round recorded it: one stored before R2's employers or R12's centres lacks them. */
export type StoredPlan = components['schemas']['RoundPlan'];
export type PostBody = PlanBody['posts'][number];
export type MemberBody = PlanBody['pansel']['members'][number];
export type StageBody = PlanBody['stages'][number];
export type Rank = NonNullable<PostBody['requirements']['minRank']>;

// The round's read bodies, typed once for the console's round views (features/round/types.ts).
export type { ApplicantView, ApplicantsView, PostView, RoundView } from '../round/types';

/** One row of an applicant import (POST /rounds/{roundId}/applicant-imports): registered, or why not. */
export type ImportRow = components['schemas']['ApplicantImportRow'];

/** An applicant import's report, row by row. */
export type ImportReport = components['schemas']['ApplicantImportReport'];
