import { eventTypes } from '../event-types';
import { bool, eventTime, fieldsOf, list, num, str, type Fields } from '../fields';
import { keyOf, type ProjectedEvent, type ReadModel, type RowSet } from '../../read-model';
import { APPLICANT_COLUMNS, type ApplicantRow } from './row';

type Rows = RowSet<ApplicantRow>;

function patch(rows: Rows, roundId: string, postId: string | undefined, applicantId: string | undefined, change: (row: ApplicantRow) => Partial<ApplicantRow>): void {
  if (postId === undefined || applicantId === undefined) return;
  const row = rows.get(keyOf(roundId, postId, applicantId));
  if (row) rows.set({ ...row, ...change(row) });
}

function register(rows: Rows, event: ProjectedEvent, d: Fields): void {
  const postId = str(d, 'postId');
  const applicantId = str(d, 'applicantId');
  if (postId === undefined || applicantId === undefined) return;
  const profile = fieldsOf(d['applicant']);
  rows.set({
    round_id: event.streamId, post_id: postId, applicant_id: applicantId, name: str(profile, 'name') ?? null, nip: str(profile, 'nip') ?? null,
    invited: bool(d, 'invited') ?? false, registered_at: eventTime(event), verdict: null, withdrawn: false, eliminated_at: null,
    scores: {}, total: null, rank: null,
  });
}

/** Recorded raw scores; a later recording for the same stage replaces the earlier one. */
function recordScores(rows: Rows, roundId: string, d: Fields): void {
  const postId = str(d, 'postId');
  const stageId = str(d, 'stageId');
  if (stageId === undefined) return;
  for (const result of list(d, 'results')) {
    const score = num(result, 'score');
    if (score === undefined) continue;
    patch(rows, roundId, postId, str(result, 'applicantId'), (r) => ({ scores: { ...r.scores, [stageId]: score } }));
  }
}

/** The published ranking gives rank and running total; who does not proceed drops out here. */
function publish(rows: Rows, roundId: string, d: Fields): void {
  const postId = str(d, 'postId');
  const stageId = str(d, 'stageId') ?? null;
  for (const ranked of list(d, 'ranking')) {
    patch(rows, roundId, postId, str(ranked, 'applicantId'), (r) => ({
      rank: num(ranked, 'rank') ?? r.rank,
      total: num(ranked, 'total') ?? r.total,
      eliminated_at: r.eliminated_at ?? (bool(ranked, 'proceeds') === false ? stageId : null),
    }));
  }
}

function evolve(rows: Rows, event: ProjectedEvent): void {
  const d = fieldsOf(event.data);
  const roundId = event.streamId;
  switch (event.type) {
    case 'ApplicantRegistered':
      return register(rows, event, d);
    case 'AdministrativeVerdictRecorded':
      return patch(rows, roundId, str(d, 'postId'), str(d, 'applicantId'), () => ({ verdict: str(d, 'verdict') ?? null }));
    case 'ApplicantWithdrawn':
      return patch(rows, roundId, str(d, 'postId'), str(d, 'applicantId'), () => ({ withdrawn: true }));
    case 'StageResultsRecorded':
      return recordScores(rows, roundId, d);
    case 'StageResultsPublished':
      return publish(rows, roundId, d);
    case 'PostRerunStarted': {
      // A re-run opens a fresh applicant list, as the domain's post state does.
      const postId = str(d, 'postId');
      for (const row of [...rows.values()]) if (row.post_id === postId) rows.delete(keyOf(roundId, row.post_id, row.applicant_id));
      return;
    }
  }
}

/** Applicants per post with their verdict, stage scores, rank and elimination. */
export const applicantsReadModel: ReadModel<ApplicantRow> = {
  name: 'applicants',
  table: 'rm_post_applicants',
  streamColumn: 'round_id',
  key: ['round_id', 'post_id', 'applicant_id'],
  columns: APPLICANT_COLUMNS,
  handles: eventTypes('ApplicantRegistered', 'AdministrativeVerdictRecorded', 'ApplicantWithdrawn', 'StageResultsRecorded', 'StageResultsPublished', 'PostRerunStarted'),
  evolve,
};
