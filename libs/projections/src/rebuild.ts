import type { Sql } from 'postgres';
import { LOG_START } from '@selter/event-store';
import { applyBatch } from './apply-batch';
import { lockCheckpoints, saveCheckpoints } from './checkpoints';
import { replay } from './replay';
import type { AnyReadModel } from './table-io';

export interface RebuildProgress {
  models: string[];
  events: number;
  eventsPerSecond: number;
  elapsedMs: number;
  done: boolean;
}

export interface RebuildOptions {
  /** Events read per query. */
  batchSize?: number;
  /** Events replayed between two writes of the tables (each with the checkpoints, in one transaction). */
  flushEvery?: number;
  /** Rows per model kept in memory between flushes, beyond those still changing. */
  maxCachedRows?: number;
  onProgress?: (p: RebuildProgress) => void;
}

/**
 * Empties the models' tables, moves their checkpoints back to the start of the log and replays
 * it, reporting progress after each batch. The reset is one transaction under the projections'
 * locks, so a running runner never writes into a half-reset model. The replay owns the tables, so
 * it keeps their rows in memory and writes them every `flushEvery` events, with the checkpoints
 * in the same transaction; readers see a partial model until it is done. If another runner moves
 * the checkpoints meanwhile, the rebuild finishes as that runner does, batch by batch from them.
 */
export async function rebuild(
  sql: Sql,
  models: readonly AnyReadModel[],
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  const { batchSize = 5_000, flushEvery = 100_000, maxCachedRows = 200_000, onProgress } = options;
  const names = models.map((m) => m.name);
  await sql.begin(async (tx) => {
    await lockCheckpoints(tx, names);
    await tx.unsafe(`truncate ${models.map((m) => `"${m.table}"`).join(', ')}`);
    await saveCheckpoints(tx, names, LOG_START);
  });
  const started = performance.now();
  let events = 0;
  const progress = (done: boolean): RebuildProgress => {
    const elapsedMs = performance.now() - started;
    return {
      models: names,
      events,
      eventsPerSecond: elapsedMs > 0 ? (events * 1000) / elapsedMs : 0,
      elapsedMs,
      done,
    };
  };
  const replayed = await replay(
    sql,
    models,
    { batchSize, flushEvery: Math.max(flushEvery, 1), maxRows: maxCachedRows },
    (n) => {
      events = n;
      onProgress?.(progress(false));
    },
  );
  events = replayed.events;
  if (replayed.interrupted) {
    events = replayed.committedEvents;
    for (;;) {
      const { read } = await applyBatch(sql, models, batchSize);
      events += read;
      if (read < batchSize) break;
      onProgress?.(progress(false));
    }
  }
  const final = progress(true);
  onProgress?.(final);
  return final;
}
