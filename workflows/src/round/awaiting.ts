import type { AwaitedDecision } from '@selter/contracts';
import type { PostState, RoundState } from '@selter/domain';

const on = (postId: string, role: AwaitedDecision['role'], command: AwaitedDecision['command']): AwaitedDecision => ({
  role,
  command,
  postId,
});

/** The next decision a post waits for, by whom; none once the post has reached a final status. */
function awaitedOnPost(postId: string, post: PostState): AwaitedDecision[] {
  switch (post.status) {
    case 'registration':
      return [on(postId, 'operator', 'CloseRegistration')];
    case 'awaiting-oversight':
      return [on(postId, 'oversight', 'DecideUnderfilledPost')];
    case 'selection':
      return [on(postId, 'pansel', post.published.length === 0 ? 'RecordAdministrativeVerdict' : 'RecordStageResults')];
    case 'shortlisted':
      if (!post.shortlist.review) return [on(postId, 'oversight', 'ReviewShortlist')];
      if (!post.shortlist.announced) return [on(postId, 'pansel', 'AnnounceShortlist')];
      if (post.plan.kind === 'sekwan' && !post.dprdConsultation) return [on(postId, 'ppk', 'ConsultDprdLeadership')];
      return [on(postId, 'ppk', 'ChooseAppointee')];
    case 'chosen': {
      const a = post.appointee;
      if (post.plan.kind === 'sekda' && !a.governorReport) return [on(postId, 'ppk', 'ReportToGovernor')];
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

/**
 * The decisions each role is awaited for. A hint for inboxes and reminders, derived from state
 * alone; the decider stays the only judge of whether a decision is allowed.
 */
export function awaitedDecisions(state: RoundState): AwaitedDecision[] {
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
        return post ? awaitedOnPost(id, post) : [];
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
