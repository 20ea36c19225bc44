import type { paths } from '../../api/schema';

/** POST /rounds: the round's local id, the policy asked for, and the plan (generated from the API's document). */
export type PlanRoundRequest = paths['/rounds']['post']['requestBody']['content']['application/json'];
export type PlanBody = PlanRoundRequest['plan'];
export type PostBody = PlanBody['posts'][number];
export type MemberBody = PlanBody['pansel']['members'][number];
export type StageBody = PlanBody['stages'][number];
export type Rank = NonNullable<PostBody['requirements']['minRank']>;

// The round's read bodies, typed once for the console's round views (features/round/types.ts).
export type { ApplicantView, ApplicantsView, PostView, RoundView } from '../round/types';

// The import's report mirrors apps/api/src/rounds/import-applicants/import-applicants.command.ts.

/** One row of an applicant import (POST /rounds/{roundId}/applicant-imports): registered, or why not. */
export interface ImportRow {
  /** As a spreadsheet numbers it (the header is row 1). */
  row: number;
  status: 'accepted' | 'rejected';
  applicantId?: string;
  nip?: string;
  /** REQUEST.INVALID for a cell the format refuses, else the domain's code. */
  code?: string;
  ruleId?: string;
  reason?: { id: string; en: string };
  /** The column at fault, as the file's header names it. */
  field?: string;
  errors?: Array<{ field: string; message: string }>;
}

export interface ImportReport {
  roundId: string;
  format: 'csv' | 'xlsx';
  sha256: string;
  accepted: number;
  rejected: number;
  /** Header cells that name no column of the format. */
  ignoredColumns: string[];
  rows: ImportRow[];
}
