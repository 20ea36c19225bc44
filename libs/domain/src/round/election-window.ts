import type { ElectionCalendar } from './plan-types';
import type { MendagriApproval } from './state';
import type { Policy } from '../policy/types';
import { fail } from '../shared/errors';
import { addMonths, compareDates, type IsoDate } from '../shared/time';

/** Why a date falls in a window where replacing officials needs Mendagri's written approval (R29), or null. */
export function electionWindowOn(
  calendar: ElectionCalendar | undefined,
  date: IsoDate,
  policy: Policy,
): string | null {
  if (!calendar) return null;
  const { electionWindowAfterInaugurationMonths: after, electionWindowBeforeCandidatesMonths: before } =
    policy.numbers;
  if (calendar.actingHead) return 'acting-head';
  const { headInauguratedOn: inaugurated, candidateDeterminationOn: candidates, termEndsOn } = calendar;
  if (
    inaugurated &&
    compareDates(inaugurated, date) <= 0 &&
    compareDates(date, addMonths(inaugurated, after.value)) < 0
  ) {
    return 'after-head-inauguration';
  }
  if (candidates && compareDates(addMonths(candidates, -before.value), date) <= 0) {
    if (!termEndsOn || compareDates(date, termEndsOn) <= 0) return 'before-candidate-determination';
  }
  return null;
}

/** Refuses when the date is in an election window and no matching Mendagri approval is on record. */
export function requireMendagriApproval(
  calendar: ElectionCalendar | undefined,
  approvals: readonly MendagriApproval[],
  purpose: MendagriApproval['purpose'],
  date: IsoDate,
  policy: Policy,
  postId?: string,
): void {
  if (!policy.extraApprovals.mendagriInElectionWindow.value) return;
  const window = electionWindowOn(calendar, date, policy);
  if (!window) return;
  const approved = approvals.some(
    (a) => a.purpose === purpose && (a.postId === undefined || a.postId === postId),
  );
  if (approved) return;
  fail(
    'ROUND.ELECTION_WINDOW_APPROVAL_MISSING',
    `Tanggal ${date} berada dalam masa larangan (${window}); diperlukan persetujuan tertulis Mendagri untuk ${purpose} (R29, UU 10/2016 Pasal 71 ayat 2, 162 ayat 3)`,
    `${date} falls in an election window (${window}); ${purpose} needs the Home Affairs Minister's written approval (R29, UU 10/2016 Pasal 71(2), 162(3))`,
    { date, window, purpose, ...(postId ? { postId } : {}) },
  );
}
