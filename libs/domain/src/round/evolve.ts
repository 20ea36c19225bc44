import type { RoundAnnounced, RoundEvent } from './events';
import { evolvePost, type PostEvent } from './evolve-post';
import { ROUND_SCOPE, type PostState, type RoundState, type Wait } from './state';

type RoundWaits = Readonly<Record<string, Wait>>;

function announce(state: RoundState, event: RoundAnnounced): RoundState {
  if (state.status !== 'recommended') return { ...state, version: state.version + 1 };
  const { announcedOn, registrationDeadline, reach, signedBy, secretariatContact, stages } = event.data;
  const { stageSchedule, media } = event.data;
  const posts: Record<string, PostState> = {};
  for (const plan of state.plan.posts) {
    posts[plan.postId] = {
      plan,
      status: 'registration',
      run: 1,
      deadline: registrationDeadline,
      extensions: 0,
      applicants: [],
      published: [],
    };
  }
  return {
    ...state,
    status: 'announced',
    version: state.version + 1,
    stages,
    posts,
    postIds: state.plan.posts.map((p) => p.postId),
    announcement: {
      announcedOn,
      registrationDeadline,
      reach,
      signedBy,
      secretariatContact,
      ...(stageSchedule ? { stageSchedule } : {}),
      ...(media ? { media } : {}),
    },
  };
}

function applyToPost(state: RoundState, event: PostEvent): RoundState {
  if (state.status !== 'announced') return { ...state, version: state.version + 1 };
  const post = state.posts[event.data.postId];
  if (!post) return { ...state, version: state.version + 1 };
  return {
    ...state,
    version: state.version + 1,
    posts: { ...state.posts, [event.data.postId]: evolvePost(post, event, state.stages) },
  };
}

/** The waits after an event: a chase bumps its counters, anything else starts its scope's wait anew. */
function nextWaits(waits: RoundWaits, event: RoundEvent): RoundWaits {
  const scope =
    'postId' in event.data && typeof event.data.postId === 'string' ? event.data.postId : ROUND_SCOPE;
  const current = waits[scope];
  if (event.type === 'DecisionReminded' || event.type === 'DecisionEscalated') {
    if (!current) return waits;
    const chased =
      event.type === 'DecisionReminded'
        ? { ...current, reminders: current.reminders + 1, remindedAt: event.data.at }
        : { ...current, escalated: true };
    return { ...waits, [scope]: chased };
  }
  return { ...waits, [scope]: { since: event.data.at, reminders: 0, escalated: false } };
}

/** Folds one round event into the state. Pure, total: an event that does not fit only bumps the version. */
export function evolve(state: RoundState, event: RoundEvent): RoundState {
  const next = evolveSteps(state, event);
  if (next.status === 'empty') return next;
  return { ...next, waits: nextWaits(state.status === 'empty' ? {} : state.waits, event) };
}

function evolveSteps(state: RoundState, event: RoundEvent): RoundState {
  const version = state.version + 1;
  switch (event.type) {
    case 'RoundPlanned': {
      if (state.status !== 'empty') return { ...state, version };
      const { roundId, plan, policyId } = event.data;
      return { status: 'planned', version, roundId, plan, policyId, mendagriApprovals: [], waits: {} };
    }
    case 'PlanRevised': {
      if (!['planned', 'submitted', 'rejected', 'recommended'].includes(state.status) || !('plan' in state)) {
        return { ...state, version };
      }
      const { roundId, policyId, mendagriApprovals, waits } = state;
      return {
        status: 'planned',
        version,
        roundId,
        policyId,
        mendagriApprovals,
        waits,
        plan: event.data.plan,
      };
    }
    case 'PlanSubmittedForRecommendation':
      if (state.status !== 'planned') return { ...state, version };
      return event.data.to === 'none'
        ? { ...state, status: 'recommended', version, recommendation: null }
        : { ...state, status: 'submitted', version };
    case 'PlanRecommended': {
      if (state.status !== 'submitted') return { ...state, version };
      const { issuedBy, letterNumber } = event.data;
      return { ...state, status: 'recommended', version, recommendation: { issuedBy, letterNumber } };
    }
    case 'PlanRecommendationRejected': {
      if (state.status !== 'submitted') return { ...state, version };
      const { issuedBy, letterNumber, reason } = event.data;
      return { ...state, status: 'rejected', version, rejection: { issuedBy, letterNumber, reason } };
    }
    case 'MendagriApprovalRecorded': {
      if (state.status === 'empty') return { ...state, version };
      const { purpose, postId, letterNumber } = event.data;
      const approval = { purpose, letterNumber, ...(postId !== undefined ? { postId } : {}) };
      return { ...state, version, mendagriApprovals: [...state.mendagriApprovals, approval] };
    }
    case 'RoundAnnounced':
      return announce(state, event);
    case 'StageAmended':
      if (state.status !== 'announced') return { ...state, version };
      return {
        ...state,
        version,
        stages: state.stages.map((s) => (s.stageId === event.data.stage.stageId ? event.data.stage : s)),
      };
    case 'RoundCancelled':
      if (state.status === 'empty') return { ...state, version };
      return {
        ...state,
        status: 'cancelled',
        version,
        reason: event.data.reason,
        posts: 'posts' in state ? state.posts : {},
      };
    case 'DecisionReminded':
    case 'DecisionEscalated':
      // Only the waits change (see `nextWaits`).
      return { ...state, version };
    case 'RoundClosed':
      return state.status === 'announced' ? { ...state, status: 'closed', version } : { ...state, version };
    case 'ApplicantRegistered':
    case 'RegistrationExtended':
    case 'MinimumApplicantsNotReached':
    case 'UnderfilledPostDecided':
    case 'RegistrationClosed':
    case 'AdministrativeVerdictRecorded':
    case 'StageResultsRecorded':
    case 'ApplicantWithdrawn':
    case 'StageResultsPublished':
    case 'ShortlistProposed':
    case 'ShortlistReviewed':
    case 'ShortlistAnnounced':
    case 'DprdLeadershipConsulted':
    case 'AppointeeChosen':
    case 'AppointeeReportedToGovernor':
    case 'GovernorReplied':
    case 'DprdLeadershipDecided':
    case 'AppointeeReleased':
    case 'InaugurationRecommended':
    case 'AppointmentDecreed':
    case 'AppointeeInaugurated':
    case 'PostCancelled':
    case 'PostRerunStarted':
      return applyToPost(state, event);
    default: {
      // An unknown (newer) event type: keep the state, count the version.
      const exhaustive: never = event;
      void exhaustive;
      return { ...state, version };
    }
  }
}
