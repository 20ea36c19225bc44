import { eventTypes } from '../event-types';
import { eventTime, fieldsOf, list, num, str, type Fields } from '../fields';
import { keyOf, type ProjectedEvent, type ReadModel, type RowSet } from '../../read-model';
import { ROUND_POST_COLUMNS, type RoundPostRow } from './row';

type Rows = RowSet<RoundPostRow>;

/** Applies `patch` to every post row of the round (round-level facts are repeated per post). */
function patchAll(rows: Rows, patch: Partial<RoundPostRow>): void {
  for (const row of [...rows.values()]) rows.set({ ...row, ...patch });
}

function patchPost(rows: Rows, roundId: string, data: Fields, patch: (row: RoundPostRow) => Partial<RoundPostRow>): void {
  const postId = str(data, 'postId');
  const row = postId === undefined ? undefined : rows.get(keyOf(roundId, postId));
  if (row) rows.set({ ...row, ...patch(row) });
}

/** A (re)planned round: one row per planned post; posts dropped from a revised plan go. */
function plan(rows: Rows, event: ProjectedEvent, data: Fields, updated_at: string): void {
  const p = fieldsOf(data['plan']);
  const posts = list(p, 'posts');
  const kept = new Set(posts.map((post) => str(post, 'postId')));
  for (const row of [...rows.values()]) if (!kept.has(row.post_id)) rows.delete(keyOf(row.round_id, row.post_id));
  for (const post of posts) {
    const postId = str(post, 'postId');
    if (postId === undefined) continue;
    rows.set({
      round_id: event.streamId, post_id: postId, round_name: str(p, 'name') ?? null, agency: str(fieldsOf(p['agency']), 'name') ?? null,
      round_status: 'planned', post_title: str(post, 'title') ?? null, post_kind: str(post, 'kind') ?? null, post_status: 'planned',
      run: 1, registration_deadline: null, extensions: 0, applicants: 0, appointee_id: null, status_reason: null, updated_at,
    });
  }
}

const UNDERFILLED: Readonly<Record<string, string>> = { drop: 'dropped', postpone: 'postponed' };

/** Post-level facts, in the order a post lives through them. */
function evolvePost(rows: Rows, event: ProjectedEvent, d: Fields, at: string): void {
  if (event.type === 'ApplicantRegistered') {
    // The most frequent event by far: one new row, no closures or partial rows.
    const postId = str(d, 'postId');
    const row = postId === undefined ? undefined : rows.get(keyOf(event.streamId, postId));
    if (row) rows.set({ ...row, applicants: row.applicants + 1, updated_at: at });
    return;
  }
  const on = (patch: (row: RoundPostRow) => Partial<RoundPostRow>): void => patchPost(rows, event.streamId, d, (r) => ({ ...patch(r), updated_at: at }));
  switch (event.type) {
    case 'RegistrationExtended': return on((r) => ({ registration_deadline: str(d, 'newDeadline') ?? r.registration_deadline, extensions: num(d, 'extension') ?? r.extensions + 1 }));
    case 'MinimumApplicantsNotReached': return on(() => ({ post_status: 'awaiting-oversight' }));
    case 'UnderfilledPostDecided': {
      const status = UNDERFILLED[str(d, 'decision') ?? ''];
      return on((r) => (status ? { post_status: status, status_reason: str(d, 'reason') ?? null } : { post_status: r.post_status }));
    }
    case 'RegistrationClosed': return on(() => ({ post_status: 'selection' }));
    case 'ShortlistProposed': return on(() => ({ post_status: 'shortlisted' }));
    case 'ShortlistReviewed':
      return on((r) => (str(d, 'outcome') === 'rerun-required' ? { post_status: 'rerun-required' } : { post_status: r.post_status }));
    case 'AppointeeChosen': return on(() => ({ post_status: 'chosen', appointee_id: str(d, 'applicantId') ?? null }));
    case 'AppointeeInaugurated': return on(() => ({ post_status: 'inaugurated' }));
    case 'PostCancelled': return on(() => ({ post_status: 'cancelled', status_reason: str(d, 'reason') ?? null }));
    case 'PostRerunStarted':
      return on((r) => ({
        post_status: 'registration', run: num(d, 'run') ?? r.run + 1, registration_deadline: str(d, 'registrationDeadline') ?? null,
        extensions: 0, applicants: 0, appointee_id: null, status_reason: null,
      }));
  }
}

const ROUND_STATUS: Readonly<Record<string, string>> = {
  PlanRecommended: 'recommended', PlanRecommendationRejected: 'rejected', RoundCancelled: 'cancelled', RoundClosed: 'closed',
};

function evolve(rows: Rows, event: ProjectedEvent): void {
  const d = fieldsOf(event.data);
  const at = eventTime(event);
  switch (event.type) {
    case 'RoundPlanned':
    case 'PlanRevised':
      return plan(rows, event, d, at);
    case 'PlanSubmittedForRecommendation':
      return patchAll(rows, { round_status: str(d, 'to') === 'none' ? 'recommended' : 'submitted', updated_at: at });
    case 'RoundAnnounced':
      return patchAll(rows, { round_status: 'announced', post_status: 'registration', registration_deadline: str(d, 'registrationDeadline') ?? null, updated_at: at });
    case 'PlanRecommended':
    case 'PlanRecommendationRejected':
    case 'RoundCancelled':
    case 'RoundClosed':
      return patchAll(rows, { round_status: ROUND_STATUS[event.type] ?? 'unknown', updated_at: at });
    default:
      return evolvePost(rows, event, d, at);
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
    'RoundPlanned', 'PlanRevised', 'PlanSubmittedForRecommendation', 'PlanRecommended', 'PlanRecommendationRejected', 'RoundAnnounced',
    'ApplicantRegistered', 'RegistrationExtended', 'MinimumApplicantsNotReached', 'UnderfilledPostDecided', 'RegistrationClosed',
    'ShortlistProposed', 'ShortlistReviewed', 'AppointeeChosen', 'AppointeeInaugurated', 'PostCancelled', 'PostRerunStarted',
    'RoundCancelled', 'RoundClosed',
  ),
  evolve,
};
