import type { AppendRotationEventsInput, RotationActivities } from '@selter/contracts';
import type { RotationEvent } from '@selter/domain';
import { appendToStream, type EventMetadata } from '@selter/event-store';
import type { Sql } from 'postgres';
import { auditMetadataOf } from '../round/audit-metadata';

export interface RotationActivityDeps {
  readonly sql: Sql;
}

/** The same audit metadata as a round's events (actor, role, reason, rule ids such as R31 of the ineligible incumbents). */
export function rotationAuditMetadataOf(event: RotationEvent): EventMetadata {
  return auditMetadataOf(event);
}

/** The rotation workflow's side effects, built over their dependencies (STYLE.md rule 6). */
export function createRotationActivities({ sql }: RotationActivityDeps): RotationActivities {
  return {
    /**
     * Appends the events of one accepted rotation decision at the version the workflow decided
     * them on; idempotent like the round append (ids from the workflow's uuid4()).
     */
    async appendRotationEvents(input: AppendRotationEventsInput) {
      const events = input.events.map(({ eventId, event }) => ({
        eventId,
        type: event.type,
        data: event.data,
        metadata: rotationAuditMetadataOf(event),
        recordedAt: input.recordedAt,
      }));
      const expected = input.expectedVersion === 0 ? 'no_stream' : input.expectedVersion;
      const result = await appendToStream(sql, input.streamId, expected, events);
      return { nextExpectedVersion: result.nextExpectedVersion, deduplicated: result.deduplicated };
    },
  };
}
