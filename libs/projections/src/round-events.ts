import { upcastIfRoundEvent, type StoredRoundEvent, type Upcast } from '@selter/domain';

/**
 * The read boundary: a batch's round events, each upcast ONCE to today's domain type before any
 * model folds it (events of other streams are no read model's business). One array per batch,
 * the events themselves are not copied.
 */
export function roundEventsOf<S extends StoredRoundEvent>(events: readonly S[]): Upcast<S>[] {
  const out: Upcast<S>[] = [];
  for (const stored of events) {
    const event = upcastIfRoundEvent(stored);
    if (event !== undefined) out.push(event);
  }
  return out;
}
