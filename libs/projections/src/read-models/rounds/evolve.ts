import type { RoundPlan, UnderfilledPostDecided } from '@selter/domain';
import { eventTypes } from '../event-types';
import { keyOf, type ProjectedEvent, type ReadModel, type RowSet } from '../../read-model';
import { ROUND_POST_COLUMNS, type RoundPostRow } from './row';

type Rows = RowSet<RoundPostRow>;

/** Applies `patch` to every post row of the round (round-level facts are repeated per post). */
function patchAll(rows: Rows, patch: Partial<RoundPostRow>): void {
  for (const row of [...rows.values()]) rows.set({ ...row, ...patch });
}

function patchPost(
  rows: Rows,
  roundId: string,
  postId: string,
  patch: (row: RoundPostRow) => Partial<RoundPostRow>,
): void {
  const row = rows.get(keyOf(roundId, postId));
  if (row) rows.set({ ...row, ...patch(row) });
}

/** A (re)planned round: one row per planned post; posts dropped from a revised plan go. */
function plan(rows: Rows, roundId: string, p: RoundPlan, updated_at: string): void {
  const kept = new Set(p.posts.map((post) => post.postId));
  for (const row of [...rows.values()])
    if (!kept.has(row.post_id)) rows.delete(keyOf(row.round_id, row.post_id));
  for (const post of p.posts) {
    rows.set({
      round_id: roundId,
      post_id: post.postId,
      round_name: p.name,
      agency: p.agency.name,
      round_status: 'planned',
      post_title: post.title,
      post_kind: post.kind,
      post_status: 'planned',
      run: 1,
      registration_deadline: null,
      extensions: 0,
      applicants: 0,
      appointee_id: null,
      status_reason: null,
      updated_at,
    });
  }
}

const UNDERFILLED: Readonly<Record<UnderfilledPostDecided['data']['decision'], string | undefined>> = {
  continue: undefined,
  drop: 'dropped',
  postpone: 'postponed',
};

/** Post-level facts, in the order a post lives through them. */
function evolvePost(rows: Rows, event: ProjectedEvent, at: string): void {
  if (event.type === 'ApplicantRegistered') {
    // The most frequent event by far: one new row, no closures or partial rows.
    const row = rows.get(keyOf(event.streamId, event.data.postId));
    if (row) rows.set({ ...row, applicants: row.applicants + 1, updated_at: at });
    return;
  }
  const on = (postId: string, patch: (row: RoundPostRow) => Partial<RoundPostRow>): void =>
    patchPost(rows, event.streamId, postId, (r) => ({ ...patch(r), updated_at: at }));
  switch (event.type) {
    case 'RegistrationExtended': {
      const d = event.data;
      return on(d.postId, () => ({ registration_deadline: d.newDeadline, extensions: d.extension }));
    }
    case 'MinimumApplicantsNotReached':
      return on(event.data.postId, () => ({ post_status: 'awaiting-oversight' }));
    case 'UnderfilledPostDecided': {
      const d = event.data;
      const status = UNDERFILLED[d.decision];
      return on(d.postId, (r) =>
        status ? { post_status: status, status_reason: d.reason } : { post_status: r.post_status },
      );
    }
    case 'RegistrationClosed':
      return on(event.data.postId, () => ({ post_status: 'selection' }));
    case 'ShortlistProposed':
      return on(event.data.postId, () => ({ post_status: 'shortlisted' }));
    case 'ShortlistReviewed': {
      const rerun = event.data.outcome === 'rerun-required';
      return on(event.data.postId, (r) =>
        rerun ? { post_status: 'rerun-required' } : { post_status: r.post_status },
      );
    }
    case 'AppointeeChosen': {
      const d = event.data;
      return on(d.postId, () => ({ post_status: 'chosen', appointee_id: d.applicantId }));
    }
    case 'AppointeeReleased': {
      const d = event.data;
      const rerun = d.next === 'rerun-required';
      return on(d.postId, () => ({
        post_status: rerun ? 'rerun-required' : 'shortlisted',
        appointee_id: null,
        status_reason: rerun ? `${d.applicantId}: ${d.cause}` : null,
      }));
    }
    case 'AppointeeInaugurated':
      return on(event.data.postId, () => ({ post_status: 'inaugurated' }));
    case 'PostCancelled': {
      const d = event.data;
      return on(d.postId, () => ({ post_status: 'cancelled', status_reason: d.reason }));
    }
    case 'PostRerunStarted': {
      const d = event.data;
      return on(d.postId, () => ({
        post_status: 'registration',
        run: d.run,
        registration_deadline: d.registrationDeadline,
        extensions: 0,
        applicants: 0,
        appointee_id: null,
        status_reason: null,
      }));
    }
  }
}

const ROUND_STATUS = {
  PlanRecommended: 'recommended',
  PlanRecommendationRejected: 'rejected',
  RoundCancelled: 'cancelled',
  RoundClosed: 'closed',
} as const;

function evolve(rows: Rows, event: ProjectedEvent): void {
  const at = event.data.at;
  switch (event.type) {
    case 'RoundPlanned':
    case 'PlanRevised':
      return plan(rows, event.streamId, event.data.plan, at);
    case 'PlanSubmittedForRecommendation':
      return patchAll(rows, {
        round_status: event.data.to === 'none' ? 'recommended' : 'submitted',
        updated_at: at,
      });
    case 'RoundAnnounced':
      return patchAll(rows, {
        round_status: 'announced',
        post_status: 'registration',
        registration_deadline: event.data.registrationDeadline,
        updated_at: at,
      });
    case 'PlanRecommended':
    case 'PlanRecommendationRejected':
    case 'RoundCancelled':
    case 'RoundClosed':
      return patchAll(rows, { round_status: ROUND_STATUS[event.type], updated_at: at });
    default:
      return evolvePost(rows, event, at);
  }
}

/** Rounds with the status of each post: the API's round list and the workflow's dashboard. */
export const roundsReadModel: ReadModel<RoundPostRow> = {
  name: 'rounds',
  table: 'rm_round_posts',
  streamColumn: 'round_id',
  key: ['round_id', 'post_id'],
  columns: ROUND_POST_COLUMNS,
  handles: eventTypes(
    'RoundPlanned',
    'PlanRevised',
    'PlanSubmittedForRecommendation',
    'PlanRecommended',
    'PlanRecommendationRejected',
    'RoundAnnounced',
    'ApplicantRegistered',
    'RegistrationExtended',
    'MinimumApplicantsNotReached',
    'UnderfilledPostDecided',
    'RegistrationClosed',
    'ShortlistProposed',
    'ShortlistReviewed',
    'AppointeeChosen',
    'AppointeeReleased',
    'AppointeeInaugurated',
    'PostCancelled',
    'PostRerunStarted',
    'RoundCancelled',
    'RoundClosed',
  ),
  evolve,
};
