import type { Sql, TransactionSql } from 'postgres';
import {
  LOG_START,
  positionOf,
  readCommittedEvents,
  type CommittedEvent,
  type LogPosition,
} from '@selter/event-store';
import { lockCheckpoints, saveCheckpoints } from './checkpoints';
import { roundEventsOf } from './round-events';
import { copyFormat, copyRows, encodeCopy, type CopyFormat } from './copy';
import { encodeRows, writeEncodedRows, type AnyReadModel } from './table-io';
import { WorkingSet, type ModelChanges } from './working-set';

export interface ReplayOptions {
  batchSize: number;
  /** Events replayed between two writes of the tables, each with the checkpoints. */
  flushEvery: number;
  /** Rows per model kept in memory after a flush, beyond those still changing. */
  maxRows: number;
}

export interface ReplayResult {
  /** Events replayed. */
  events: number;
  /** Events covered by the checkpoints this replay committed. */
  committedEvents: number;
  /** Someone else moved the checkpoints: the replay stopped at its last consistent flush. */
  interrupted: boolean;
}

/** The checkpoints are not where this replay's last flush left them: another runner wrote. */
class Interrupted extends Error {}

interface Read {
  events: Promise<CommittedEvent[]>;
  /** A flush of ours ran during the read, and may have held the committed horizon back. */
  overlapped: boolean;
}

const samePosition = (a: LogPosition | undefined, b: LogPosition): boolean =>
  a?.transactionId === b.transactionId && a.globalPosition === b.globalPosition;

/** The statements that write a model's changes (keys to delete first, then rows to insert). */
function encodeChanges(
  model: AnyReadModel,
  { inserts, deletes }: ModelChanges,
  format: CopyFormat | undefined,
): (tx: TransactionSql) => Promise<void> {
  const keys = encodeRows(deletes.map((row) => Object.fromEntries(model.key.map((k) => [k, row[k]]))));
  if (!format) {
    const rows = encodeRows(inserts);
    return (tx) => writeEncodedRows(tx, model, rows, keys);
  }
  const text = inserts.length > 0 ? encodeCopy(format, inserts) : undefined;
  return async (tx) => {
    if (keys !== undefined) await writeEncodedRows(tx, model, undefined, keys);
    if (text !== undefined) await copyRows(tx, model, text);
  };
}

/**
 * Replays the log from the start into in-memory working sets (the models must be empty, with
 * their checkpoints at the start). The next batch is read while the current one is folded, and
 * every `flushEvery` events the changed rows are written with the checkpoints in one transaction
 * (synchronous_commit off: a rebuild that dies restarts from zero) while the replay goes on.
 */
export async function replay(
  sql: Sql,
  models: readonly AnyReadModel[],
  options: ReplayOptions,
  onBatch: (events: number) => void,
): Promise<ReplayResult> {
  const { batchSize, flushEvery, maxRows } = options;
  const names = models.map((m) => m.name);
  const sets = models.map((m) => new WorkingSet(m, maxRows));
  // Append-only models keep the live runner's upserts: their rows are not remembered after a flush.
  const formats = await Promise.all(models.map((m) => (m.appendOnly ? undefined : copyFormat(sql, m))));
  let checkpoint: LogPosition = LOG_START;
  let committedEvents = 0;
  let flushing: Promise<void> = Promise.resolve();
  let flushActive = false;
  let failure: unknown;
  let next: Read | undefined;

  const startRead = (after: LogPosition): Read => {
    const read = { events: readCommittedEvents(sql, after, batchSize), overlapped: flushActive };
    void read.events.catch(() => undefined); // awaited later; not an unhandled rejection meanwhile
    return read;
  };

  // Takes (and encodes) the changes now; writes them in the background.
  const flush = (at: LogPosition, events: number): void => {
    const writes = sets.map((set, i) => encodeChanges(set.model, set.takeChanges(), formats[i]));
    const expected = checkpoint;
    flushActive = true;
    if (next) next.overlapped = true;
    flushing = (async () => {
      try {
        await sql.begin(async (tx) => {
          await tx`set local synchronous_commit = off`;
          const current = await lockCheckpoints(tx, names);
          if (!names.every((n) => samePosition(current.get(n), expected)))
            throw new Interrupted('checkpoints moved during the rebuild');
          for (const write of writes) await write(tx);
          await saveCheckpoints(tx, names, at);
        });
        checkpoint = at;
        committedEvents = events;
      } catch (error) {
        failure ??= error;
      } finally {
        flushActive = false;
      }
    })();
  };

  let position = LOG_START;
  let events = 0;
  let sinceFlush = 0;
  next = startRead(position);
  while (next && failure === undefined) {
    const read: Read = next;
    const batch = await read.events;
    const full = batch.length >= batchSize;
    const last = batch[batch.length - 1];
    if (last) position = positionOf(last);
    next = full ? startRead(position) : undefined;
    const roundEvents = roundEventsOf(batch);
    for (const set of sets) {
      const mine = roundEvents.filter((e) => set.model.handles.has(e.type));
      await set.loadDropped(sql, mine);
      set.apply(mine);
    }
    events += batch.length;
    sinceFlush += batch.length;
    // Only a short read that no flush of ours overlapped shows the replay has caught up.
    const caughtUp = !full && !read.overlapped;
    if (sinceFlush > 0 && (!full || sinceFlush >= flushEvery)) {
      await flushing;
      if (failure !== undefined) break;
      // Nothing is in flight now, so every stream without new changes is in the table.
      for (const set of sets) set.shrink();
      flush(position, events);
      sinceFlush = 0;
    }
    if (caughtUp) break;
    if (!next) {
      await flushing;
      next = startRead(position);
    }
    onBatch(events);
  }
  await flushing;
  await next?.events.catch(() => undefined);
  if (failure instanceof Interrupted) return { events, committedEvents, interrupted: true };
  if (failure !== undefined) throw failure;
  return { events, committedEvents, interrupted: false };
}
