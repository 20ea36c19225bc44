import type { DecisionType } from '../../api/decisions';
import type { PostView } from './types';

// What the operator (BKD/BKPSDM) may do next, by the round's and each post's status: the order
// of the domain's handlers (libs/domain/src/round/handlers, awaiting.ts). A hint for the page; the
// dry run of each form asks the API whether the rules allow it now.

const ROUND_STEPS: Readonly<Record<string, readonly DecisionType[]>> = {
  planned: ['SubmitPlanForRecommendation', 'RevisePlan', 'RecordMendagriApproval'],
  submitted: [],
  rejected: ['RevisePlan'],
  recommended: ['AnnounceRound', 'RecordMendagriApproval', 'RevisePlan'],
  announced: [],
  closed: [],
  cancelled: [],
};

/** The operator's round-wide next steps (CancelRound is offered apart, as long as the round runs). */
export const roundSteps = (status: string): readonly DecisionType[] => ROUND_STEPS[status] ?? [];

/** True while the round may still be cancelled. */
export const roundCancellable = (status: string): boolean => !['closed', 'cancelled'].includes(status);

const POST_STEPS: Readonly<Record<string, readonly DecisionType[]>> = {
  registration: [
    'RegisterApplicant',
    'CloseRegistration',
    'ExtendRegistration',
    'WithdrawApplicant',
    'CancelPost',
  ],
  'awaiting-oversight': ['CancelPost'],
  selection: ['WithdrawApplicant', 'CancelPost'],
  shortlisted: ['CancelPost'],
  chosen: ['RecordMendagriApproval', 'WithdrawAppointee', 'CancelPost'],
  'rerun-required': ['RerunPost', 'CancelPost'],
  dropped: ['RerunPost'],
  postponed: ['RerunPost'],
};

/** The operator's next steps on one post of an announced round. */
export const postSteps = (post: Pick<PostView, 'status'>): readonly DecisionType[] =>
  POST_STEPS[post.status] ?? [];

/** Post statuses in which someone else (pansel, oversight, PPK) holds the next decision. */
export const WAITING_ON_OTHERS: ReadonlySet<string> = new Set([
  'awaiting-oversight',
  'selection',
  'shortlisted',
  'chosen',
]);

/** Post statuses in which the operator holds the next decision (closing or re-opening registration). */
export const AWAITS_OPERATOR: ReadonlySet<string> = new Set(['registration', 'rerun-required']);
