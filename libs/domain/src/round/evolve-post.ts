import type { RoundEvent } from './events';
import type { StageDefinition } from './plan-types';
import type { ApplicantState, PostState } from './state';

/** Round events that belong to one post's sub-track. */
export type PostEvent = Extract<RoundEvent, { data: { postId: string } }>;

/** A changed copy of an applicant, written out field by field: this runs for every applicant event of a fold. */
function changed(a: ApplicantState, change: Partial<ApplicantState>): ApplicantState {
  return {
    applicantId: a.applicantId,
    profile: a.profile,
    invited: a.invited,
    conflictedMembers: a.conflictedMembers,
    verdict: change.verdict ?? a.verdict,
    withdrawn: change.withdrawn ?? a.withdrawn,
    eliminatedAt: change.eliminatedAt ?? a.eliminatedAt,
    scores: change.scores ?? a.scores,
    total: change.total ?? a.total,
  };
}

function updateApplicant(post: PostState, id: string, change: Partial<ApplicantState>): PostState {
  const index = post.applicants.findIndex((a) => a.applicantId === id);
  const applicant = post.applicants[index];
  if (!applicant) return post;
  const applicants = post.applicants.slice();
  applicants[index] = changed(applicant, change);
  return { ...post, applicants };
}

function addScores(
  post: PostState,
  stage: StageDefinition | undefined,
  results: readonly { applicantId: string; score: number }[],
): PostState {
  if (!stage) return post;
  const scoreOf = new Map<string, number>();
  for (const { applicantId, score } of results) scoreOf.set(applicantId, score);
  const factor = stage.maxScore > 0 ? stage.weight / stage.maxScore : 0;
  const applicants = post.applicants.map((a) => {
    const score = scoreOf.get(a.applicantId);
    if (score === undefined) return a;
    return changed(a, { scores: { ...a.scores, [stage.stageId]: score }, total: a.total + factor * score });
  });
  return { ...post, applicants };
}

function eliminate(
  post: PostState,
  stageId: string,
  ranking: readonly { applicantId: string; proceeds: boolean }[],
): PostState {
  const out = new Set(ranking.filter((r) => !r.proceeds).map((r) => r.applicantId));
  const applicants = post.applicants.map((a) =>
    out.has(a.applicantId) && !a.eliminatedAt ? { ...a, eliminatedAt: stageId } : a,
  );
  return { ...post, applicants, published: [...post.published, stageId] };
}

/** Applies one post event to that post's sub-state; never throws, ignores events that do not fit. */
export function evolvePost(post: PostState, event: PostEvent, stages: readonly StageDefinition[]): PostState {
  switch (event.type) {
    case 'ApplicantRegistered': {
      const { applicantId, applicant, invited, conflictedMembers } = event.data;
      const state: ApplicantState = {
        applicantId,
        profile: applicant,
        invited,
        conflictedMembers,
        withdrawn: false,
        scores: {},
        total: 0,
      };
      return { ...post, applicants: [...post.applicants, state] };
    }
    case 'RegistrationExtended':
      return { ...post, deadline: event.data.newDeadline, extensions: event.data.extension };
    case 'MinimumApplicantsNotReached':
      return { ...post, status: 'awaiting-oversight' };
    case 'UnderfilledPostDecided': {
      const { decision, reason } = event.data;
      if (decision === 'continue') return post;
      return { ...post, status: decision === 'drop' ? 'dropped' : 'postponed', reason };
    }
    case 'RegistrationClosed':
      return { ...post, status: 'selection' };
    case 'AdministrativeVerdictRecorded':
      return updateApplicant(post, event.data.applicantId, { verdict: event.data.verdict });
    case 'StageResultsRecorded':
      return addScores(
        post,
        stages.find((s) => s.stageId === event.data.stageId),
        event.data.results,
      );
    case 'ApplicantWithdrawn':
      return updateApplicant(post, event.data.applicantId, { withdrawn: true });
    case 'StageResultsPublished':
      return eliminate(post, event.data.stageId, event.data.ranking);
    case 'ShortlistProposed': {
      const { finalists, fewerThanRequired } = event.data;
      return {
        ...post,
        status: 'shortlisted',
        shortlist: { finalists, fewerThanRequired, announced: false },
      };
    }
    default:
      return evolveLatePost(post, event);
  }
}

const WITHDRAWALS: ReadonlySet<string> = new Set(['declared', 'retired', 'sanctioned', 'deceased']);

/** W12: the chosen finalist leaves; the PPK chooses again among the remaining finalists, or the post is re-run. */
function release(
  post: PostState,
  data: Extract<PostEvent, { type: 'AppointeeReleased' }>['data'],
): PostState {
  if (post.status !== 'chosen') return post;
  const left = WITHDRAWALS.has(data.cause)
    ? updateApplicant(post, data.applicantId, { withdrawn: true })
    : post;
  const base = {
    plan: left.plan,
    run: left.run,
    deadline: left.deadline,
    extensions: left.extensions,
    applicants: left.applicants,
    published: left.published,
    ...(left.dprdConsultation === undefined ? {} : { dprdConsultation: left.dprdConsultation }),
  };
  if (data.next === 'rerun-required')
    return { ...base, status: 'rerun-required', reason: `${data.applicantId}: ${data.cause} (${data.note})` };
  const { review } = post.shortlist;
  return {
    ...base,
    status: 'shortlisted',
    shortlist: { ...post.shortlist, ...(review ? { review: { ...review, remaining: data.remaining } } : {}) },
  };
}

function evolveLatePost(post: PostState, event: PostEvent): PostState {
  switch (event.type) {
    case 'ShortlistReviewed': {
      if (post.status !== 'shortlisted') return post;
      const { outcome, issuedBy, letterNumber, remaining, acceptedFewer, ineligible } = event.data;
      if (outcome === 'rerun-required') {
        return {
          ...post,
          status: 'rerun-required',
          reason: `${ineligible.length} finalist(s) found ineligible (${letterNumber})`,
        };
      }
      return {
        ...post,
        shortlist: {
          ...post.shortlist,
          review: { letter: { issuedBy, letterNumber }, remaining, acceptedFewer },
        },
      };
    }
    case 'ShortlistAnnounced':
      return post.status === 'shortlisted'
        ? { ...post, shortlist: { ...post.shortlist, announced: true } }
        : post;
    case 'DprdLeadershipConsulted':
      return { ...post, dprdConsultation: event.data.letterNumber };
    case 'AppointeeChosen':
      if (post.status !== 'shortlisted') return post;
      return {
        ...post,
        status: 'chosen',
        appointee: { applicantId: event.data.applicantId, chosenAt: event.data.at },
      };
    case 'AppointeeReportedToGovernor':
      return post.status === 'chosen'
        ? { ...post, appointee: { ...post.appointee, governorReport: event.data.letterNumber } }
        : post;
    case 'GovernorReplied':
      return post.status === 'chosen' && event.data.decision === 'agreed'
        ? { ...post, appointee: { ...post.appointee, governorAgreement: event.data.letterNumber } }
        : post;
    case 'DprdLeadershipDecided':
      return post.status === 'chosen' && event.data.decision === 'approved'
        ? { ...post, appointee: { ...post.appointee, dprdApproval: event.data.letterNumber } }
        : post;
    case 'AppointeeReleased':
      return release(post, event.data);
    case 'InaugurationRecommended': {
      if (post.status !== 'chosen') return post;
      const letter = { issuedBy: event.data.issuedBy, letterNumber: event.data.letterNumber };
      return { ...post, appointee: { ...post.appointee, inaugurationRecommendation: letter } };
    }
    case 'AppointmentDecreed':
      return post.status === 'chosen'
        ? { ...post, appointee: { ...post.appointee, decree: event.data.decreeNumber } }
        : post;
    case 'AppointeeInaugurated':
      if (post.status !== 'chosen') return post;
      return {
        ...post,
        status: 'inaugurated',
        appointee: { ...post.appointee, inauguratedOn: event.data.inauguratedOn },
      };
    case 'PostCancelled':
      return { ...post, status: 'cancelled', reason: event.data.reason };
    case 'PostRerunStarted':
      return {
        plan: post.plan,
        status: 'registration',
        run: event.data.run,
        deadline: event.data.registrationDeadline,
        extensions: 0,
        applicants: [],
        published: [],
      };
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
      return post;
    default: {
      const exhaustive: never = event;
      void exhaustive;
      return post;
    }
  }
}
