import { candidatesFor, currentStage } from './applicants';
import type { HumanRoundCommand } from './commands';
import { dprdApprovalApplies, governorCoordinationApplies } from './handlers/coordination';
import type { RoundPlan, StageDefinition } from './plan-types';
import { ROUND_SCOPE, type PostState, type RoundState, type Wait } from './state';
import type { Policy, ServiceLevels } from '../policy/types';
import type { Role } from '../shared/metadata';
import { daysAfter, type IsoInstant } from '../shared/time';

/** A decision a role is awaited for, on the round or on one post, with its wait where one is kept. */
export interface AwaitedDecision {
  readonly role: Role;
  readonly command: HumanRoundCommand['type'];
  readonly postId?: string;
  /** When the wait began (the scope's last change). */
  readonly since?: IsoInstant;
  /** Service level (PROCESS.md: soft SLAs, reminders only) for oversight and PPK decisions. */
  readonly serviceLevelDays?: number;
  readonly dueAt?: IsoInstant;
  readonly reminders?: number;
  readonly remindedAt?: IsoInstant;
  readonly escalated?: boolean;
}

type Awaited = Pick<AwaitedDecision, 'role' | 'command' | 'postId'>;

const on = (postId: string, role: Role, command: AwaitedDecision['command']): Awaited => ({
  role,
  command,
  postId,
});

/**
 * The pansel's next step on a post in selection, in catalogue order: the current stage's verdicts
 * or scores until every participant has one, then its publication (R21); after the last stage,
 * the shortlist (R22).
 */
function selectionStep(post: PostState, stages: readonly StageDefinition[]): AwaitedDecision['command'] {
  const stage = currentStage(post, stages);
  if (!stage) return 'ProposeShortlist';
  const administrative = stage.kind === 'administrative';
  const complete = candidatesFor(post, stage).every((a) =>
    administrative ? a.verdict !== undefined : a.scores[stage.stageId] !== undefined,
  );
  if (complete) return 'PublishStageResults';
  return administrative ? 'RecordAdministrativeVerdict' : 'RecordStageResults';
}

/** The next decision a post waits for, by whom; none once the post has reached a final status. */
function awaitedOnPost(
  postId: string,
  post: PostState,
  { plan, stages }: { plan: RoundPlan; stages: readonly StageDefinition[] },
  policy: Policy | undefined,
): Awaited[] {
  switch (post.status) {
    case 'registration':
      return [on(postId, 'operator', 'CloseRegistration')];
    case 'awaiting-oversight':
      return [on(postId, 'oversight', 'DecideUnderfilledPost')];
    case 'selection':
      return [on(postId, 'pansel', selectionStep(post, stages))];
    case 'shortlisted':
      if (!post.shortlist.review) return [on(postId, 'oversight', 'ReviewShortlist')];
      if (!post.shortlist.announced) return [on(postId, 'pansel', 'AnnounceShortlist')];
      return [on(postId, 'ppk', 'ChooseAppointee')];
    case 'chosen': {
      const a = post.appointee;
      // The same predicates as the decider's, so the inbox never waits for a step it refuses (R24, R25).
      if (governorCoordinationApplies(plan, post.plan, policy) && !a.governorAgreement)
        return [on(postId, 'ppk', a.governorReport ? 'RecordGovernorReply' : 'ReportToGovernor')];
      if (dprdApprovalApplies(post.plan, policy) && !a.dprdApproval)
        return [on(postId, 'ppk', 'RecordDprdLeadershipDecision')];
      if (!a.inaugurationRecommendation) return [on(postId, 'oversight', 'RecordInaugurationRecommendation')];
      return [on(postId, 'ppk', a.decree ? 'InaugurateAppointee' : 'IssueAppointmentDecree')];
    }
    case 'rerun-required':
      return [on(postId, 'operator', 'RerunPost')];
    case 'inaugurated':
    case 'dropped':
    case 'postponed':
    case 'cancelled':
      return [];
    default: {
      const exhaustive: never = post;
      return exhaustive;
    }
  }
}

function awaitedSteps(state: RoundState, policy: Policy | undefined): Awaited[] {
  switch (state.status) {
    case 'empty':
      return [{ role: 'operator', command: 'PlanRound' }];
    case 'planned':
      return [{ role: 'operator', command: 'SubmitPlanForRecommendation' }];
    case 'submitted':
      return [{ role: 'oversight', command: 'RecordPlanRecommendation' }];
    case 'rejected':
      return [{ role: 'operator', command: 'RevisePlan' }];
    case 'recommended':
      return [{ role: 'operator', command: 'AnnounceRound' }];
    case 'announced':
      return state.postIds.flatMap((id) => {
        const post = state.posts[id];
        return post ? awaitedOnPost(id, post, state, policy) : [];
      });
    case 'closed':
    case 'cancelled':
      return [];
    default: {
      const exhaustive: never = state;
      return exhaustive;
    }
  }
}

/** The service level of the decisions the round's clock chases: the oversight body's and the PPK's. */
const SERVICE_LEVEL: Partial<Record<AwaitedDecision['command'], keyof ServiceLevels>> = {
  RecordPlanRecommendation: 'planRecommendationDays',
  DecideUnderfilledPost: 'underfilledDecisionDays',
  ReviewShortlist: 'shortlistReviewDays',
  ConsultDprdLeadership: 'ppkChoiceDays',
  ChooseAppointee: 'ppkChoiceDays',
  ReportToGovernor: 'ppkChoiceDays',
  RecordGovernorReply: 'ppkChoiceDays',
  RecordDprdLeadershipDecision: 'ppkChoiceDays',
  RecordInaugurationRecommendation: 'inaugurationDays',
  IssueAppointmentDecree: 'inaugurationDays',
  InaugurateAppointee: 'inaugurationDays',
};

/** The service level of a decision under a policy, in days; undefined when no clock chases it. */
export function serviceLevelOf(command: AwaitedDecision['command'], policy: Policy): number | undefined {
  const key = SERVICE_LEVEL[command];
  return key ? policy.serviceLevels[key].value : undefined;
}

/** The wait of the scope a decision belongs to. */
export function waitOf(state: RoundState, postId: string | undefined): Wait | undefined {
  return state.status === 'empty' ? undefined : state.waits[postId ?? ROUND_SCOPE];
}

/**
 * The decisions each role is awaited for, with how long each has waited against its service level
 * when a policy is given. A hint for inboxes and reminders, derived from state alone; the decider
 * stays the only judge of whether a decision is allowed.
 */
export function awaitedDecisions(state: RoundState, policy?: Policy): AwaitedDecision[] {
  return awaitedSteps(state, policy).map((awaited) => {
    const wait = waitOf(state, awaited.postId);
    if (!wait) return awaited;
    const days = policy ? serviceLevelOf(awaited.command, policy) : undefined;
    const timing = {
      since: wait.since,
      reminders: wait.reminders,
      escalated: wait.escalated,
      ...(wait.remindedAt ? { remindedAt: wait.remindedAt } : {}),
    };
    if (days === undefined) return { ...awaited, ...timing };
    return { ...awaited, ...timing, serviceLevelDays: days, dueAt: daysAfter(wait.since, days) };
  });
}
