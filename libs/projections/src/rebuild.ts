import type { Sql } from 'postgres';
import { LOG_START } from '@selter/event-store';
import { applyBatch } from './apply-batch';
import { lockCheckpoints, saveCheckpoints } from './checkpoints';
import type { AnyReadModel } from './table-io';

export interface RebuildProgress {
  models: string[];
  events: number;
  eventsPerSecond: number;
  elapsedMs: number;
  done: boolean;
}

/**
 * Empties the models' tables, moves their checkpoints back to the start of the log and replays
 * it in batches, reporting progress after each one. The reset is one transaction under the
 * projections' locks, so a running runner never writes into a half-reset model; while the
 * replay runs the tables fill up gradually (readers see a partial model until it is done).
 */
export async function rebuild(
  sql: Sql,
  models: readonly AnyReadModel[],
  { batchSize = 5_000, onProgress }: { batchSize?: number; onProgress?: (p: RebuildProgress) => void } = {},
): Promise<RebuildProgress> {
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
    return { models: names, events, eventsPerSecond: elapsedMs > 0 ? (events * 1000) / elapsedMs : 0, elapsedMs, done };
  };
  for (;;) {
    const { read } = await applyBatch(sql, models, batchSize);
    events += read;
    if (read < batchSize) break;
    onProgress?.(progress(false));
  }
  const final = progress(true);
  onProgress?.(final);
  return final;
}
