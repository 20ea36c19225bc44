import type {
  RecordDecisionsInput,
  RecordDecisionsResult,
  ReadStreamPageInput,
  StoredDecisionEvent,
} from '@selter/contracts';
import type { EventMetadata as DomainEventMetadata } from '@selter/domain';
import { readStream, recordDecisions, type DecisionEvent } from '@selter/event-store';
import type { Sql } from 'postgres';
import { auditMetadataOf } from '../round/audit-metadata';

type DomainEvent = { type: string; data: unknown; metadata: DomainEventMetadata };

/** A stored event as the workflow folds it: type, data and metadata as stored, under its decision. */
function asDecisionEvent<E>({ version, decisionId, event }: DecisionEvent): StoredDecisionEvent<E> {
  return {
    version,
    ...(decisionId ? { decisionId } : {}),
    event: { type: event.type, data: event.data, metadata: event.metadata } as E,
  };
}

/**
 * Records a workflow's batch of decisions with the audit metadata (who, why, which rules, which
 * run, which decision) and answers what the store did (ADR 16); shared by rounds and rotations.
 */
export async function recordDecisionBatch<E extends DomainEvent>(
  sql: Sql,
  input: RecordDecisionsInput<E>,
): Promise<RecordDecisionsResult<E>> {
  const outcome = await recordDecisions(sql, {
    streamId: input.streamId,
    expectedVersion: input.expectedVersion,
    recordedAt: input.recordedAt,
    decisions: input.decisions.map(({ decisionId, events }) => ({
      decisionId,
      events: events.map((event) => ({
        type: event.type,
        data: event.data,
        metadata: auditMetadataOf(event),
      })),
    })),
  });
  return outcome.outcome === 'behind'
    ? { outcome: 'behind', stored: outcome.stored.map((e) => asDecisionEvent<E>(e)) }
    : outcome;
}

/** A page of a stream's events, each with the decision that produced it. */
export async function readDecisionPage<E>(
  sql: Sql,
  { streamId, afterVersion, limit }: ReadStreamPageInput,
): Promise<StoredDecisionEvent<E>[]> {
  const stored = await readStream(sql, streamId, { afterVersion, limit });
  return stored.map((event) => {
    const decisionId = (event.metadata as { decisionId?: unknown }).decisionId;
    return asDecisionEvent<E>({
      version: event.streamVersion,
      ...(typeof decisionId === 'string' ? { decisionId } : {}),
      event,
    });
  });
}
