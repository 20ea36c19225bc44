import { eventTypes } from '../event-types';
import {
  keyOf,
  type ProjectedEvent,
  type ProjectedEventOf,
  type ReadModel,
  type RowSet,
} from '../../read-model';
import { APPLICANT_COLUMNS, type ApplicantRow } from './row';

type Rows = RowSet<ApplicantRow>;

/** The applicant's row, when the applicant is known. */
const find = (rows: Rows, roundId: string, postId: string, applicantId: string): ApplicantRow | undefined =>
  rows.get(keyOf(roundId, postId, applicantId));

function register(rows: Rows, event: ProjectedEventOf<'ApplicantRegistered'>): void {
  const d = event.data;
  rows.set({
    round_id: event.streamId,
    post_id: d.postId,
    applicant_id: d.applicantId,
    name: d.applicant.name,
    nip: d.applicant.nip,
    invited: d.invited,
    registered_at: d.at,
    verdict: null,
    withdrawn: false,
    eliminated_at: null,
    scores: {},
    total: null,
    rank: null,
  });
}

/**
 * `{ ...scores, [stageId]: score }`, which V8 builds several times slower than Object.assign. The
 * two differ only for a `__proto__` key (assign would set the prototype): that case, and missing
 * scores, stay on the literal.
 */
function withScore(scores: Record<string, number>, stageId: string, score: number): Record<string, number> {
  if (
    scores === null ||
    scores === undefined ||
    stageId === '__proto__' ||
    Object.hasOwn(scores, '__proto__')
  )
    return { ...scores, [stageId]: score };
  return Object.assign({}, scores, { [stageId]: score });
}

/** Recorded raw scores; a later recording for the same stage replaces the earlier one. */
function recordScores(
  rows: Rows,
  roundId: string,
  { postId, stageId, results }: ProjectedEventOf<'StageResultsRecorded'>['data'],
): void {
  for (const result of results) {
    const row = find(rows, roundId, postId, result.applicantId);
    if (row) rows.set({ ...row, scores: withScore(row.scores, stageId, result.score) });
  }
}

/** The published ranking gives rank and running total; who does not proceed drops out here. */
function publish(
  rows: Rows,
  roundId: string,
  { postId, stageId, ranking }: ProjectedEventOf<'StageResultsPublished'>['data'],
): void {
  // Hot (one call per ranked applicant): one new row each, no closures or partial rows.
  for (const ranked of ranking) {
    const row = find(rows, roundId, postId, ranked.applicantId);
    if (!row) continue;
    rows.set({
      ...row,
      rank: ranked.rank,
      total: ranked.total,
      eliminated_at: row.eliminated_at ?? (ranked.proceeds ? null : stageId),
    });
  }
}

function evolve(rows: Rows, event: ProjectedEvent): void {
  const roundId = event.streamId;
  switch (event.type) {
    case 'ApplicantRegistered':
      return register(rows, event);
    case 'AdministrativeVerdictRecorded': {
      const row = find(rows, roundId, event.data.postId, event.data.applicantId);
      if (row) rows.set({ ...row, verdict: event.data.verdict });
      return;
    }
    case 'ApplicantWithdrawn': {
      const row = find(rows, roundId, event.data.postId, event.data.applicantId);
      if (row) rows.set({ ...row, withdrawn: true });
      return;
    }
    case 'StageResultsRecorded':
      return recordScores(rows, roundId, event.data);
    case 'StageResultsPublished':
      return publish(rows, roundId, event.data);
    case 'PostRerunStarted': {
      // A re-run opens a fresh applicant list, as the domain's post state does.
      const { postId } = event.data;
      for (const row of [...rows.values()])
        if (row.post_id === postId) rows.delete(keyOf(roundId, row.post_id, row.applicant_id));
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
  handles: eventTypes(
    'ApplicantRegistered',
    'AdministrativeVerdictRecorded',
    'ApplicantWithdrawn',
    'StageResultsRecorded',
    'StageResultsPublished',
    'PostRerunStarted',
  ),
  evolve,
};
