import type { Finalist, RoundAnnounced } from './events';
import type { OversightLetter, PostPlan, RoundPlan, StageDefinition } from './plan-types';
import type { ApplicantProfile } from '../rules/applicant';
import type { IsoDate, IsoInstant } from '../shared/time';

export interface ApplicantState {
  readonly applicantId: string;
  readonly profile: ApplicantProfile;
  readonly invited: boolean;
  readonly conflictedMembers: readonly string[];
  readonly verdict?: 'eligible' | 'ineligible';
  readonly withdrawn: boolean;
  /** Stage at whose publication the applicant dropped out. */
  readonly eliminatedAt?: string;
  /** Raw score per stage id. */
  readonly scores: Readonly<Record<string, number>>;
  /** Weighted running total (0-100) over the published and recorded stages. */
  readonly total: number;
}

export interface Shortlist {
  readonly finalists: readonly Finalist[];
  readonly fewerThanRequired: boolean;
  readonly review?: {
    readonly letter: OversightLetter;
    readonly remaining: readonly string[];
    readonly acceptedFewer: boolean;
  };
  readonly announced: boolean;
}

export interface Appointee {
  readonly applicantId: string;
  readonly chosenAt: IsoInstant;
  /** R24: the letter asking the governor to coordinate, then the governor's agreement. */
  readonly governorReport?: string;
  readonly governorAgreement?: string;
  /** R25: the DPRD leadership's approval letter of a Sekwan appointee. */
  readonly dprdApproval?: string;
  readonly inaugurationRecommendation?: OversightLetter;
  readonly decree?: string;
  readonly inauguratedOn?: IsoDate;
}

interface PostBase {
  readonly plan: PostPlan;
  /** 1 for the first run; a re-run starts a fresh applicant list (PROCESS.md stage 8). */
  readonly run: number;
  readonly deadline: IsoDate;
  readonly extensions: number;
  /** Applicants in registration order (an array: cheap to copy when one applicant changes). */
  readonly applicants: readonly ApplicantState[];
  /** Stage ids published so far, in catalogue order (R21). */
  readonly published: readonly string[];
  readonly dprdConsultation?: string;
}

/** Each post is its own sub-track inside the round. */
export type PostState =
  | (PostBase & { readonly status: 'registration' })
  | (PostBase & { readonly status: 'awaiting-oversight' })
  | (PostBase & { readonly status: 'selection' })
  | (PostBase & { readonly status: 'shortlisted'; readonly shortlist: Shortlist })
  | (PostBase & { readonly status: 'chosen'; readonly shortlist: Shortlist; readonly appointee: Appointee })
  | (PostBase & {
      readonly status: 'inaugurated';
      readonly shortlist: Shortlist;
      readonly appointee: Appointee;
    })
  | (PostBase & { readonly status: 'rerun-required'; readonly reason: string })
  | (PostBase & { readonly status: 'dropped' | 'postponed' | 'cancelled'; readonly reason: string });

export type PostStatus = PostState['status'];

/** The applicant with this id in the post, if registered. */
export function applicantIn(post: PostState, applicantId: string): ApplicantState | undefined {
  return post.applicants.find((a) => a.applicantId === applicantId);
}
export const TERMINAL_POST_STATUSES: readonly PostStatus[] = [
  'inaugurated',
  'dropped',
  'postponed',
  'cancelled',
];

export interface MendagriApproval {
  readonly purpose: 'selection' | 'inauguration';
  readonly postId?: string;
  readonly letterNumber: string;
}

/**
 * How long a scope of the round (the round itself, or one post) has waited in its current step,
 * and how often that wait was chased. A reminder or an escalation changes only the counters;
 * any other event of the scope starts a new wait.
 */
export interface Wait {
  readonly since: IsoInstant;
  readonly reminders: number;
  /** When the last reminder went out: the next one is due a reminder interval later. */
  readonly remindedAt?: IsoInstant;
  readonly escalated: boolean;
}

/** The key of the round's own wait in `waits` (posts use their post id). */
export const ROUND_SCOPE = '';

interface RoundBase {
  /** Waits per scope: `ROUND_SCOPE` for the round, else the post id. */
  readonly waits: Readonly<Record<string, Wait>>;
  /** Number of events folded: the stream version. */
  readonly version: number;
  readonly roundId: string;
  readonly plan: RoundPlan;
  /** The policy version the round was planned under; it decides the round forever. */
  readonly policyId: string;
  readonly mendagriApprovals: readonly MendagriApproval[];
}

type Announcement = Omit<RoundAnnounced['data'], 'roundId' | 'at' | 'stages' | 'policyId'>;

interface RunningRound extends RoundBase {
  readonly recommendation: OversightLetter | null;
  readonly announcement: Announcement;
  /** The stage catalogue frozen at announcement (changed only by an approved amendment). */
  readonly stages: readonly StageDefinition[];
  readonly posts: Readonly<Record<string, PostState>>;
  readonly postIds: readonly string[];
}

export type RoundState =
  | { readonly status: 'empty'; readonly version: number }
  | (RoundBase & { readonly status: 'planned' })
  | (RoundBase & { readonly status: 'submitted' })
  | (RoundBase & {
      readonly status: 'rejected';
      readonly rejection: OversightLetter & { readonly reason: string };
    })
  | (RoundBase & { readonly status: 'recommended'; readonly recommendation: OversightLetter | null })
  | (RunningRound & { readonly status: 'announced' })
  | (RunningRound & { readonly status: 'closed' })
  | (RoundBase & {
      readonly status: 'cancelled';
      readonly reason: string;
      readonly posts: Readonly<Record<string, PostState>>;
    });

export type RoundStatus = RoundState['status'];
export type AnnouncedRound = Extract<RoundState, { status: 'announced' }>;

/** The state before the first event of a round stream. */
export function initialState(): RoundState {
  return { status: 'empty', version: 0 };
}
