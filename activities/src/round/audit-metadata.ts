import type { EventMetadata as DomainEventMetadata } from '@selter/domain';
import type { EventMetadata } from '@selter/event-store';

/** Every `ruleId` named anywhere in the event's data (failed requirements, ineligible finalists, ...). */
function ruleIdsIn(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => ruleIdsIn(v, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'ruleId' && typeof v === 'string') found.add(v);
      else ruleIdsIn(v, found);
    }
  }
  return found;
}

/**
 * The audit metadata stored with a round's or a rotation's event: who (actor and role), why (the decision's reason and the
 * rules it names), and which workflow run produced it, so the store answers "who decided this" alone.
 */
export function auditMetadataOf(event: { data: unknown; metadata: DomainEventMetadata }): EventMetadata {
  const data = (event.data ?? {}) as { reason?: unknown };
  const ruleIds = [...ruleIdsIn(event.data)].sort();
  return {
    ...event.metadata,
    actor: { ...event.metadata.actor },
    role: event.metadata.actor.role,
    ...(typeof data.reason === 'string' ? { reason: data.reason } : {}),
    ...(ruleIds.length > 0 ? { ruleIds } : {}),
  };
}
