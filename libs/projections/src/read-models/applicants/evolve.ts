import { eventTypes } from '../event-types';
import { bool, eventTime, fieldsOf, list, num, str, type Fields } from '../fields';
import { keyOf, type ProjectedEvent, type ReadModel, type RowSet } from '../../read-model';
import { APPLICANT_COLUMNS, type ApplicantRow } from './row';

type Rows = RowSet<ApplicantRow>;

/** The applicant's row, when both ids are there and the applicant is known. */
function find(rows: Rows, roundId: string, postId: string | undefined, applicantId: string | undefined): ApplicantRow | undefined {
  return postId === undefined || applicantId === undefined ? undefined : rows.get(keyOf(roundId, postId, applicantId));
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

/**
 * `{ ...scores, [stageId]: score }`, which V8 builds several times slower than Object.assign. The
 * two differ only for a `__proto__` key (assign would set the prototype): that case, and missing
 * scores, stay on the literal.
 */
function withScore(scores: Record<string, number>, stageId: string, score: number): Record<string, number> {
  if (scores === null || scores === undefined || stageId === '__proto__' || Object.hasOwn(scores, '__proto__')) return { ...scores, [stageId]: score };
  return Object.assign({}, scores, { [stageId]: score });
}

/** Recorded raw scores; a later recording for the same stage replaces the earlier one. */
function recordScores(rows: Rows, roundId: string, d: Fields): void {
  const postId = str(d, 'postId');
  const stageId = str(d, 'stageId');
  if (stageId === undefined) return;
  for (const result of list(d, 'results')) {
    const score = num(result, 'score');
    if (score === undefined) continue;
    const row = find(rows, roundId, postId, str(result, 'applicantId'));
    if (row) rows.set({ ...row, scores: withScore(row.scores, stageId, score) });
  }
}

/** The published ranking gives rank and running total; who does not proceed drops out here. */
function publish(rows: Rows, roundId: string, d: Fields): void {
  const postId = str(d, 'postId');
  const stageId = str(d, 'stageId') ?? null;
  // Hot (one call per ranked applicant): one new row each, no closures or partial rows.
  for (const ranked of list(d, 'ranking')) {
    const row = find(rows, roundId, postId, str(ranked, 'applicantId'));
    if (!row) continue;
    rows.set({
      ...row,
      rank: num(ranked, 'rank') ?? row.rank,
      total: num(ranked, 'total') ?? row.total,
      eliminated_at: row.eliminated_at ?? (bool(ranked, 'proceeds') === false ? stageId : null),
    });
  }
}

function evolve(rows: Rows, event: ProjectedEvent): void {
  const d = fieldsOf(event.data);
  const roundId = event.streamId;
  switch (event.type) {
    case 'ApplicantRegistered':
      return register(rows, event, d);
    case 'AdministrativeVerdictRecorded': {
      const row = find(rows, roundId, str(d, 'postId'), str(d, 'applicantId'));
      if (row) rows.set({ ...row, verdict: str(d, 'verdict') ?? null });
      return;
    }
    case 'ApplicantWithdrawn': {
      const row = find(rows, roundId, str(d, 'postId'), str(d, 'applicantId'));
      if (row) rows.set({ ...row, withdrawn: true });
      return;
    }
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
