import type { RoundEvent } from '@selter/domain';
import { ROUND_EVENT_TYPES } from '../event-types';
import type { ProjectedEvent, ReadModel, RowSet } from '../../read-model';
import { TIMELINE_COLUMNS, type TimelineRow } from './row';

/** Every field name some round event's data has. */
type AnyDataKey = RoundEvent['data'] extends infer D ? (D extends object ? keyof D : never) : never;
/** Names checked against the events: one no event's data has any more is a compile error. */
type Known<K extends AnyDataKey> = K;
type Glanced = Known<
  'postId' | 'applicantId' | 'stageId' | 'verdict' | 'decision' | 'outcome' | 'letterNumber' | 'reason'
>;
/** The fields a summary glances at, whichever event carries them; every event's data must fit (a retyped field fails in `evolve`). */
type Glance = { readonly at: string } & { readonly [K in Glanced]?: string } & {
  readonly [K in Known<'results'>]?: readonly unknown[];
};

/** Words from the event's data worth a glance: who and what, never whole payloads. */
function summarise(type: string, d: Glance): string {
  const parts = [
    d.postId && `post ${d.postId}`,
    d.applicantId && `applicant ${d.applicantId}`,
    d.stageId && `stage ${d.stageId}`,
    d.verdict,
    d.decision ?? d.outcome,
    d.results && d.results.length > 0 && `${d.results.length} result(s)`,
    d.letterNumber && `letter ${d.letterNumber}`,
    d.reason && `reason: ${d.reason}`,
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return parts.length ? `${type}: ${parts.join(', ')}` : type;
}

function evolve(rows: RowSet<TimelineRow>, event: ProjectedEvent): void {
  const d: Glance = event.data;
  const actor = event.metadata.actor;
  rows.set({
    round_id: event.streamId,
    stream_version: event.streamVersion,
    global_position: event.globalPosition.toString(),
    event_id: event.eventId,
    type: event.type,
    at: d.at,
    post_id: d.postId ?? null,
    actor_id: actor?.id ?? null,
    actor_role: actor?.role ?? null,
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
