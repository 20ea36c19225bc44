import { fold, plan, roundEvent as e } from '../fold.test-helper';
import { pendingDecisionsReadModel } from './evolve';
import type { PendingDecisionRow } from './row';

const desk = (rows: PendingDecisionRow[]) => rows.map((r) => `${r.role}:${r.post_id || '-'}:${r.decision}`).sort();

describe('pending decisions read model', () => {
  const announced = [
    e('RoundPlanned', { plan }, 1),
    e('PlanSubmittedForRecommendation', { to: 'KASN' }, 2),
    e('PlanRecommended', { issuedBy: 'KASN', letterNumber: 'L-1' }, 3),
    e('RoundAnnounced', {}, 4),
  ];

  it('moves the plan from the operator to the oversight body to the pansel, then clears it at announcement', () => {
    expect(desk(fold(pendingDecisionsReadModel, announced.slice(0, 2)))).toEqual(['oversight:-:recommend-plan']);
    expect(desk(fold(pendingDecisionsReadModel, announced.slice(0, 3)))).toEqual(['pansel:-:announce-round']);
    expect(desk(fold(pendingDecisionsReadModel, announced))).toEqual([]);
  });

  it('skips the oversight step when the plan needs no recommendation', () => {
    expect(desk(fold(pendingDecisionsReadModel, [e('RoundPlanned', { plan }, 1), e('PlanSubmittedForRecommendation', { to: 'none' }, 2)]))).toEqual([]);
  });

  it('puts the shortlist review, the choice and the inauguration on the right desks per post', () => {
    const shortlisted = [...announced, e('RegistrationClosed', { postId: 'p1' }, 5), e('RegistrationClosed', { postId: 'p2' }, 6), e('ShortlistProposed', { postId: 'p1' }, 7)];
    expect(desk(fold(pendingDecisionsReadModel, shortlisted))).toEqual(['oversight:p1:review-shortlist', 'pansel:p2:run-selection']);
    const chosen = [...shortlisted, e('ShortlistReviewed', { postId: 'p1', outcome: 'approved' }, 8)];
    expect(desk(fold(pendingDecisionsReadModel, chosen))).toEqual(['pansel:p2:run-selection', 'ppk:p1:choose-appointee']);
    const rerun = [...shortlisted, e('ShortlistReviewed', { postId: 'p1', outcome: 'rerun-required' }, 8)];
    expect(desk(fold(pendingDecisionsReadModel, rerun))).toEqual(['pansel:p2:run-selection']);
    expect(desk(fold(pendingDecisionsReadModel, [...chosen, e('PostCancelled', { postId: 'p2' }, 9)]))).toEqual(['ppk:p1:choose-appointee']);
    expect(desk(fold(pendingDecisionsReadModel, [...chosen, e('RoundCancelled', { reason: 'x' }, 9)]))).toEqual([]);
  });
});
