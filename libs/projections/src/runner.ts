import type { Sql } from 'postgres';
import { onAppends } from '@selter/event-store';
import { applyBatch } from './apply-batch';
import { ensureCheckpoints } from './checkpoints';
import { silent, type Log } from './log';
import { notifyProjected } from './watermark';
import { rebuild, type RebuildProgress } from './rebuild';
import type { AnyReadModel } from './table-io';

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /** Fallback poll in case a NOTIFY is lost. */
  pollMs?: number;
  log?: Log;
}

export interface ProjectionRunner {
  /** Applies batches until the models have seen every committed event; returns how many were read. */
  catchUp(): Promise<number>;
  /** Catches up now and after every append, until `stop`. */
  start(): Promise<void>;
  stop(): Promise<void>;
  rebuild(onProgress?: (p: RebuildProgress) => void): Promise<RebuildProgress>;
}

/** Keeps read models up to date with the event log, each batch in one transaction. */
export function createProjectionRunner(
  sql: Sql,
  models: readonly AnyReadModel[],
  options: ProjectionRunnerOptions = {},
): ProjectionRunner {
  const { batchSize = 1_000, pollMs = 1_000, log = silent } = options;
  const names = models.map((m) => m.name);
  let unlisten: (() => Promise<void>) | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const catchUp = async (): Promise<number> => {
    await ensureCheckpoints(sql, names);
    let total = 0;
    for (;;) {
      const { read } = await applyBatch(sql, models, batchSize);
      total += read;
      // After the commit: read-your-writes waiters re-read the checkpoints (ADR 23).
      if (read > 0) await notifyProjected(sql).catch(() => undefined);
      if (read < batchSize) return total;
    }
  };

  // One catch-up at a time; a wake-up during one schedules exactly one more.
  const wake = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const read = await catchUp();
          if (read > 0) log('projections caught up', { models: names, events: read });
        } catch (error) {
          log('projection batch failed; retrying on the next wake-up', {
            models: names,
            error: String(error),
          });
        }
      } while (again && unlisten);
    })().finally(() => {
      running = undefined;
    });
  };

  return {
    catchUp,
    async start() {
      if (unlisten) return;
      unlisten = await onAppends(sql, wake, pollMs);
      wake();
    },
    async stop() {
      const stopListening = unlisten;
      unlisten = undefined;
      await stopListening?.();
      await running;
    },
    rebuild: (onProgress) =>
      rebuild(sql, models, { batchSize: Math.max(batchSize, 5_000), ...(onProgress ? { onProgress } : {}) }),
  };
}
