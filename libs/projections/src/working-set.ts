import type { Sql } from 'postgres';
import { rowKey, type ProjectedEvent, type RowSet } from './read-model';
import { loadRows, type AnyReadModel } from './table-io';

type Row = Record<string, unknown>;

function sameKey(key: readonly string[], a: Row, b: Row): boolean {
  for (let i = 0; i < key.length; i += 1) if (a[key[i] as string] !== b[key[i] as string]) return false;
  return true;
}

/** One stream's rows, kept across batches, remembering which keys changed since the last flush. */
class StreamRows implements RowSet<Row> {
  readonly rows = new Map<string, Row>();
  readonly changed = new Set<string>();
  /** Deleted rows as they were, so their key columns can be sent to the database. */
  readonly removed = new Map<string, Row>();
  /** Keys of the rows in the table (written by a flush, or loaded). */
  readonly stored = new Set<string>();

  constructor(private readonly model: AnyReadModel) {}

  /** The last row `get` found: `set` of its replacement reuses its key instead of building it. */
  private lastKey = '';
  private lastRow: Row | undefined;

  get(key: string): Row | undefined {
    const row = this.rows.get(key);
    this.lastKey = key;
    this.lastRow = row;
    return row;
  }

  set(row: Row): void {
    const last = this.lastRow;
    const key =
      last !== undefined && sameKey(this.model.key, row, last) ? this.lastKey : rowKey(this.model, row);
    this.rows.set(key, row);
    this.changed.add(key);
  }

  delete(key: string): void {
    const row = this.rows.get(key);
    if (!row) return;
    this.rows.delete(key);
    this.removed.set(key, row);
    this.changed.add(key);
  }

  values(): IterableIterator<Row> {
    return this.rows.values();
  }
}

/** What a flush writes for one model: first the deletes, then the inserts. */
export interface ModelChanges {
  /** Rows not in the table (any more). */
  inserts: Row[];
  /** Rows in the table that were changed or deleted since. */
  deletes: Row[];
}

/**
 * A rebuild's in-memory copy of one model's rows, per stream, so a replay never reads back the
 * rows it wrote: a row changed by many events, in many batches, is written once per flush.
 * Valid only while nobody else writes the model's table (the rebuild checks the checkpoints
 * under the projections' locks at every flush). Memory is bounded: after a flush, the least
 * recently used streams without unflushed changes are dropped and reloaded if they come back.
 */
export class WorkingSet {
  /** In least recently used order (a stream is moved to the end when a batch touches it). */
  private readonly streams = new Map<string, StreamRows>();
  /** Streams dropped from memory whose rows are (committed) in the table. */
  private readonly dropped = new Set<string>();
  private readonly dirty = new Set<StreamRows>();

  constructor(
    readonly model: AnyReadModel,
    private readonly maxRows: number,
  ) {}

  /** Loads the dropped streams these events touch (none while the working set fits in memory). */
  async loadDropped(sql: Sql, events: readonly ProjectedEvent[]): Promise<void> {
    if (this.dropped.size === 0 || this.model.appendOnly) return;
    const wanted = [...new Set(events.map((e) => e.streamId))].filter((s) => this.dropped.has(s));
    if (wanted.length === 0) return;
    const rows = await loadRows(sql, this.model, wanted);
    for (const streamId of wanted) {
      this.dropped.delete(streamId);
      this.streams.set(streamId, new StreamRows(this.model));
    }
    for (const row of rows) {
      const set = this.streams.get(String(row[this.model.streamColumn]));
      const key = rowKey(this.model, row);
      set?.rows.set(key, row);
      set?.stored.add(key);
    }
  }

  /** Folds events (already filtered to this model's types and checkpoint) into the rows. */
  apply(events: readonly ProjectedEvent[]): void {
    let current: StreamRows | undefined;
    let currentId: string | undefined;
    for (const event of events) {
      if (event.streamId !== currentId) {
        currentId = event.streamId;
        current = this.touch(currentId);
      }
      if (current) this.model.evolve(current, event);
    }
  }

  private touch(streamId: string): StreamRows {
    let rows = this.streams.get(streamId);
    if (rows) this.streams.delete(streamId);
    else rows = new StreamRows(this.model);
    this.streams.set(streamId, rows);
    this.dirty.add(rows);
    return rows;
  }

  /** The rows to write since the last call, which then count as written. */
  takeChanges(): ModelChanges {
    const inserts: Row[] = [];
    const deletes: Row[] = [];
    for (const set of this.dirty) {
      for (const key of set.changed) {
        const row = set.rows.get(key);
        if (set.stored.has(key)) {
          const old = row ?? set.removed.get(key);
          if (old) deletes.push(old);
        }
        if (row) {
          inserts.push(row);
          set.stored.add(key);
        } else set.stored.delete(key);
      }
      set.changed.clear();
      set.removed.clear();
    }
    this.dirty.clear();
    return { inserts, deletes };
  }

  /**
   * Drops least recently used streams without unflushed changes until the rows fit: call it only
   * once every change taken so far is committed. An append-only model never reads its rows back.
   */
  shrink(): void {
    if (this.model.appendOnly) {
      for (const [streamId, set] of this.streams) if (!this.dirty.has(set)) this.streams.delete(streamId);
      return;
    }
    let total = 0;
    for (const set of this.streams.values()) total += set.rows.size;
    for (const [streamId, set] of this.streams) {
      if (total <= this.maxRows) return;
      if (this.dirty.has(set)) continue;
      this.streams.delete(streamId);
      this.dropped.add(streamId);
      total -= set.rows.size;
    }
  }
}
