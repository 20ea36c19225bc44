import { eventTypes, type KnownRoundEventType } from '../event-types';
import { eventTime, fieldsOf, str } from '../fields';
import { keyOf, type ProjectedEvent, type ReadModel, type RowSet } from '../../read-model';
import { PENDING_DECISION_COLUMNS, type PendingDecisionRow } from './row';
import { CLEARS_POST, CLEARS_ROUND, DECISION_RULES } from './rules';

function evolve(rows: RowSet<PendingDecisionRow>, event: ProjectedEvent): void {
  const d = fieldsOf(event.data);
  const roundId = event.streamId;
  const postId = str(d, 'postId');
  if (CLEARS_ROUND.has(event.type) || CLEARS_POST.has(event.type)) {
    const all = CLEARS_ROUND.has(event.type);
    for (const row of [...rows.values()]) if (all || row.post_id === postId) rows.delete(keyOf(roundId, row.post_id, row.decision));
    return;
  }
  const rule = DECISION_RULES[event.type as KnownRoundEventType];
  if (!rule || (rule.perPost && postId === undefined)) return;
  const scope = rule.perPost ? (postId ?? '') : '';
  for (const decision of rule.closes ?? []) rows.delete(keyOf(roundId, scope, decision));
  const opens = rule.opens;
  if (opens && (opens.when?.(d) ?? true)) {
    const details = { eventId: event.eventId, eventType: event.type };
    rows.set({ round_id: roundId, post_id: scope, decision: opens.decision, role: opens.role, since: eventTime(event), details });
  }
}

/** Pending decisions per role: each role's inbox of what it must decide next, oldest first. */
export const pendingDecisionsReadModel: ReadModel<PendingDecisionRow> = {
  name: 'pending-decisions',
  table: 'rm_pending_decisions',
  streamColumn: 'round_id',
  key: ['round_id', 'post_id', 'decision'],
  columns: PENDING_DECISION_COLUMNS,
  handles: eventTypes(...(Object.keys(DECISION_RULES) as KnownRoundEventType[]), 'PostCancelled', 'RoundCancelled', 'RoundClosed'),
  evolve,
};
