import { ROUND_EVENT_TYPES } from '../event-types';
import { eventTime, fieldsOf, list, str, type Fields } from '../fields';
import type { ProjectedEvent, ReadModel, RowSet } from '../../read-model';
import { TIMELINE_COLUMNS, type TimelineRow } from './row';

/** Words from the event's data worth a glance: who and what, never whole payloads. */
function summarise(type: string, d: Fields): string {
  const parts = [
    str(d, 'postId') && `post ${str(d, 'postId')}`,
    str(d, 'applicantId') && `applicant ${str(d, 'applicantId')}`,
    str(d, 'stageId') && `stage ${str(d, 'stageId')}`,
    str(d, 'verdict'),
    str(d, 'decision') ?? str(d, 'outcome'),
    list(d, 'results').length > 0 && `${list(d, 'results').length} result(s)`,
    str(d, 'letterNumber') && `letter ${str(d, 'letterNumber')}`,
    str(d, 'reason') && `reason: ${str(d, 'reason')}`,
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return parts.length ? `${type}: ${parts.join(', ')}` : type;
}

function evolve(rows: RowSet<TimelineRow>, event: ProjectedEvent): void {
  const d = fieldsOf(event.data);
  const actor = fieldsOf(fieldsOf(event.metadata)['actor']);
  rows.set({
    round_id: event.streamId,
    stream_version: event.streamVersion,
    global_position: event.globalPosition.toString(),
    event_id: event.eventId,
    type: event.type,
    at: eventTime(event),
    post_id: str(d, 'postId') ?? null,
    actor_id: str(actor, 'id') ?? null,
    actor_role: str(actor, 'role') ?? null,
    summary: summarise(event.type, d),
  });
}

/** The timeline of a round: every event in stream order, for the round page and auditors. */
export const timelineReadModel: ReadModel<TimelineRow> = {
  name: 'timeline',
  table: 'rm_round_timeline',
  streamColumn: 'round_id',
  key: ['round_id', 'stream_version'],
  columns: TIMELINE_COLUMNS,
  handles: new Set(ROUND_EVENT_TYPES),
  appendOnly: true,
  evolve,
};
