/** A row of `rm_round_timeline`: one event of a round, summarised for people. */
export interface TimelineRow {
  round_id: string;
  stream_version: number;
  global_position: string;
  event_id: string;
  type: string;
  at: string;
  post_id: string | null;
  actor_id: string | null;
  actor_role: string | null;
  summary: string;
}

export const TIMELINE_COLUMNS = [
  'round_id',
  'stream_version',
  'global_position',
  'event_id',
  'type',
  'at',
  'post_id',
  'actor_id',
  'actor_role',
  'summary',
] as const satisfies readonly (keyof TimelineRow)[];
