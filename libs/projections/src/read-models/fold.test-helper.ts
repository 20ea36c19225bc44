import type { RoundEventData, RoundEventType, RoundPlan } from '@selter/domain';
import { TrackedRows, type ProjectedEvent, type ReadModel } from '../read-model';

let position = 0n;

/** The event's data with any field left out, at any depth; the names that are given are checked. */
export type Loose<T> = T extends readonly (infer U)[]
  ? readonly Loose<U>[]
  : T extends object
    ? { readonly [K in keyof T]?: Loose<T[K]> }
    : T;

/**
 * A plain event of round `r1` as a read model sees it; versions and positions count up. The data
 * may leave out what the model under test does not read (the cast is this helper's only one).
 */
export function roundEvent<T extends RoundEventType>(
  type: T,
  data: Loose<RoundEventData<T>>,
  streamVersion: number,
  streamId = 'r1',
): ProjectedEvent {
  position += 1n;
  const event = {
    eventId: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
    type,
    streamId,
    streamVersion,
    globalPosition: position,
    recordedAt: '2024-08-01T02:00:00.000Z',
    data: {
      roundId: streamId,
      at: `2024-08-${String(streamVersion).padStart(2, '0')}T09:00:00+07:00`,
      ...data,
    },
    metadata: { actor: { id: 'u1', role: 'pansel' }, correlationId: 'c1' },
  };
  return event as unknown as ProjectedEvent;
}

/** Folds events through a model exactly as the runner does (only handled types), returning the rows. */
export function fold<Row extends object>(
  model: ReadModel<Row>,
  events: readonly ProjectedEvent[],
  initial: Row[] = [],
): Row[] {
  const rows = new TrackedRows(model, initial);
  for (const event of events) if (model.handles.has(event.type)) model.evolve(rows, event);
  return [...rows.values()];
}

export const plan: Loose<RoundPlan> = {
  name: 'Seleksi JPT 2024',
  agency: { name: 'Pemprov X', level: 'province' },
  posts: [
    { postId: 'p1', title: 'Kepala Dinas Kesehatan', kind: 'regular' },
    { postId: 'p2', title: 'Sekretaris Daerah', kind: 'sekda' },
  ],
};
