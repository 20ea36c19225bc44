import type { Sql, TransactionSql } from 'postgres';
import { positionOf, type LogPosition } from '@selter/event-store';
import { isAfter, lockCheckpoints, minPosition, saveCheckpoints } from './checkpoints';
import { readCommittedEvents } from '@selter/event-store';
import { TrackedRows, type ProjectedEvent } from './read-model';
import { roundEventsOf } from './round-events';
import { loadRows, writeRows, type AnyReadModel } from './table-io';

/** Folds a model's share of a batch into its rows, one stream at a time, and writes the changes. */
async function project(
  tx: TransactionSql,
  model: AnyReadModel,
  events: readonly ProjectedEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const streams = [...new Set(events.map((e) => e.streamId))];
  const existing = model.appendOnly ? [] : await loadRows(tx, model, streams);
  const byStream = new Map(streams.map((s) => [s, [] as Record<string, unknown>[]]));
  for (const row of existing) byStream.get(String(row[model.streamColumn]))?.push(row);
  const sets = new Map(streams.map((s) => [s, new TrackedRows(model, byStream.get(s))]));
  for (const event of events) {
    const rows = sets.get(event.streamId);
    if (rows) model.evolve(rows, event);
  }
  const upserts: Record<string, unknown>[] = [];
  const deletes: Record<string, unknown>[] = [];
  for (const rows of sets.values()) {
    const changes = rows.changes();
    upserts.push(...changes.upserts);
    deletes.push(...changes.deletes);
  }
  await writeRows(tx, model, upserts, deletes);
}

export interface BatchResult {
  /** Events read from the log (handled or not). */
  read: number;
  /** Where the checkpoints now are, when the batch moved them. */
  position?: LogPosition;
}

/**
 * Applies the next committed events to these models in ONE transaction that also moves their
 * checkpoints: a batch is applied entirely and once, or not at all. Each model takes only the
 * events after its own checkpoint, so models at different positions can share a batch.
 */
export async function applyBatch(
  sql: Sql,
  models: readonly AnyReadModel[],
  limit: number,
): Promise<BatchResult> {
  return sql.begin(async (tx) => {
    const checkpoints = await lockCheckpoints(
      tx,
      models.map((m) => m.name),
    );
    // Read before writing anything: this transaction has no xid yet, so the committed reader's
    // horizon is set by the appenders alone.
    const events = await readCommittedEvents(tx, minPosition(checkpoints.values()), limit);
    const last = events[events.length - 1];
    if (!last) return { read: 0 };
    const roundEvents = roundEventsOf(events);
    await Promise.all(
      models.map((model) => {
        const from = checkpoints.get(model.name);
        const mine = roundEvents.filter(
          (e) => model.handles.has(e.type) && (!from || isAfter(positionOf(e), from)),
        );
        return project(tx, model, mine);
      }),
    );
    const position = positionOf(last);
    await saveCheckpoints(
      tx,
      models.map((m) => m.name),
      position,
    );
    return { read: events.length, position };
  });
}
