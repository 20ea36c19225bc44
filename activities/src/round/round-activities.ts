import type { AppendRoundEventsInput, AppendRoundEventsResult, ReadRoundEventsInput, RoundActivities } from '@selter/contracts';
import type { RoundEvent } from '@selter/domain';
import { appendToStream, readStream } from '@selter/event-store';
import type { Sql } from 'postgres';
import { auditMetadataOf } from './audit-metadata';

export interface RoundActivityDeps {
  readonly sql: Sql;
  /** The wall clock; appends take their time from the workflow instead, so retries store the same record. */
  readonly clock: () => Date;
}

/** The round workflow's side effects, built over their dependencies (STYLE.md rule 6). */
export function createRoundActivities({ sql }: RoundActivityDeps): RoundActivities {
  return {
    /**
     * Appends the events of one accepted decision at the version the workflow decided them on.
     * Idempotent: the ids come from the workflow's deterministic uuid4(), so a retry after a lost
     * response finds the same ids and content and returns the original positions.
     */
    async appendRoundEvents(input: AppendRoundEventsInput): Promise<AppendRoundEventsResult> {
      const events = input.events.map(({ eventId, event }) => ({
        eventId,
        type: event.type,
        data: event.data,
        metadata: auditMetadataOf(event),
        recordedAt: input.recordedAt,
      }));
      const expected = input.expectedVersion === 0 ? 'no_stream' : input.expectedVersion;
      const result = await appendToStream(sql, input.streamId, expected, events);
      return { nextExpectedVersion: result.nextExpectedVersion, deduplicated: result.deduplicated };
    },

    /** A page of the round's events as the domain folds them (type and data; metadata as decided). */
    async readRoundEvents({ streamId, afterVersion, limit }: ReadRoundEventsInput): Promise<RoundEvent[]> {
      const stored = await readStream(sql, streamId, { afterVersion, limit });
      return stored.map(({ type, data, metadata }) => ({ type, data, metadata }) as RoundEvent);
    },
  };
}
