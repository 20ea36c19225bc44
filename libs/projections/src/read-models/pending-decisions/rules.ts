import type { Role } from '@selter/domain';
import type { KnownRoundEventType } from '../event-types';
import { str, type Fields } from '../fields';

/** What an event puts on a role's desk, and what it takes off. */
export interface DecisionRule {
  /** The event concerns one post (its `postId`), else the whole round. */
  readonly perPost: boolean;
  readonly opens?: { readonly decision: string; readonly role: Role; readonly when?: (d: Fields) => boolean };
  readonly closes?: readonly string[];
}

const approved = (d: Fields): boolean => str(d, 'outcome') !== 'rerun-required';

/**
 * The round's human decision points (PROCESS.md): the operator submits a plan, the oversight body
 * recommends it, the pansel announces and runs the selection, the oversight body reviews the
 * shortlist, the PPK chooses the appointee and inaugurates after the oversight recommendation.
 */
export const DECISION_RULES: Readonly<Partial<Record<KnownRoundEventType, DecisionRule>>> = {
  RoundPlanned: { perPost: false, opens: { decision: 'submit-plan', role: 'operator' } },
  PlanRevised: { perPost: false, opens: { decision: 'submit-plan', role: 'operator' }, closes: ['revise-plan', 'recommend-plan', 'announce-round'] },
  PlanSubmittedForRecommendation: {
    perPost: false,
    closes: ['submit-plan'],
    opens: { decision: 'recommend-plan', role: 'oversight', when: (d) => str(d, 'to') !== 'none' },
  },
  PlanRecommended: { perPost: false, opens: { decision: 'announce-round', role: 'pansel' }, closes: ['recommend-plan'] },
  PlanRecommendationRejected: { perPost: false, opens: { decision: 'revise-plan', role: 'operator' }, closes: ['recommend-plan'] },
  RoundAnnounced: { perPost: false, closes: ['announce-round'] },
  MinimumApplicantsNotReached: { perPost: true, opens: { decision: 'decide-underfilled-post', role: 'oversight' } },
  UnderfilledPostDecided: { perPost: true, closes: ['decide-underfilled-post'] },
  RegistrationClosed: { perPost: true, opens: { decision: 'run-selection', role: 'pansel' }, closes: ['decide-underfilled-post'] },
  ShortlistProposed: { perPost: true, opens: { decision: 'review-shortlist', role: 'oversight' }, closes: ['run-selection'] },
  ShortlistReviewed: { perPost: true, opens: { decision: 'choose-appointee', role: 'ppk', when: approved }, closes: ['review-shortlist'] },
  AppointeeChosen: { perPost: true, opens: { decision: 'recommend-inauguration', role: 'oversight' }, closes: ['choose-appointee'] },
  InaugurationRecommended: { perPost: true, opens: { decision: 'inaugurate', role: 'ppk' }, closes: ['recommend-inauguration'] },
  AppointeeInaugurated: { perPost: true, closes: ['inaugurate'] },
  PostRerunStarted: { perPost: true, closes: ['run-selection', 'review-shortlist', 'choose-appointee'] },
};

/** Events that end every open decision of their post, or of the whole round. */
export const CLEARS_POST: ReadonlySet<string> = new Set<KnownRoundEventType>(['PostCancelled']);
export const CLEARS_ROUND: ReadonlySet<string> = new Set<KnownRoundEventType>(['RoundCancelled', 'RoundClosed']);
