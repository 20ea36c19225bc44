import type { RoundEvent, RoundEventType } from '@selter/domain';
import type { StoredEvent } from '@selter/event-store';

/** Where an event sits in the log, as a read model may look at it. */
type Envelope = Pick<
  StoredEvent,
  'eventId' | 'streamId' | 'streamVersion' | 'globalPosition' | 'recordedAt' | 'metadata'
>;
type Projected<E> = E extends RoundEvent ? Envelope & Pick<E, 'type' | 'data'> : never;

/**
 * A round event as a read model sees it: the domain's type and data (upcast once at the read
 * boundary, `roundEventsOf`) in its place in the log. Switching on `type` narrows `data`, so a
 * renamed or retyped field is a compile error in the model that reads it.
 */
export type ProjectedEvent = Projected<RoundEvent>;
/** The projected event of one type. */
export type ProjectedEventOf<T extends RoundEventType> = Extract<ProjectedEvent, { type: T }>;

/**
 * One stream's rows of a read model, by row key. `evolve` replaces rows (never mutates a row it
 * got), so the runner writes back exactly the keys that were set or deleted.
 */
export interface RowSet<Row> {
  get(key: string): Row | undefined;
  set(row: Row): void;
  delete(key: string): void;
  values(): IterableIterator<Row>;
}

/** A read model: one table, whose rows all belong to one event stream, and its `evolve`. */
export interface ReadModel<Row extends object = Record<string, unknown>> {
  /** Also the name of its checkpoint. */
  readonly name: string;
  readonly table: string;
  /** The column holding the stream id: rows are loaded and rewritten per stream. */
  readonly streamColumn: keyof Row & string;
  /** Primary-key columns, the stream column first. */
  readonly key: readonly (keyof Row & string)[];
  /** Every column, as the table declares it. */
  readonly columns: readonly (keyof Row & string)[];
  /** Event types this model reads; the others only advance its checkpoint. */
  readonly handles: ReadonlySet<string>;
  /** Evolve only adds rows: nothing is loaded before a batch (a timeline). */
  readonly appendOnly?: boolean;
  evolve(rows: RowSet<Row>, event: ProjectedEvent): void;
}

/** The key of a row inside its read model: its key columns joined. */
export function rowKey<Row extends object>(model: Pick<ReadModel<Row>, 'key'>, row: Row): string {
  // A loop, not map + join: this runs for every row an event changes.
  const { key } = model;
  let out = '';
  for (let i = 0; i < key.length; i += 1)
    out += i === 0 ? String(row[key[i] as keyof Row]) : `\u001f${String(row[key[i] as keyof Row])}`;
  return out;
}

/** A key built from values given in key-column order (what `evolve` uses to find a row). */
export const keyOf = (...values: ReadonlyArray<string | number>): string => values.join('\u001f');

/** A row set that remembers what changed, for the runner and for unit tests. */
export class TrackedRows<Row extends object> implements RowSet<Row> {
  readonly changed = new Set<string>();
  private readonly rows = new Map<string, Row>();
  /** Deleted rows as they were, so their key columns can be sent to the database. */
  private readonly removed = new Map<string, Row>();

  constructor(
    private readonly model: Pick<ReadModel<Row>, 'key'>,
    initial: Iterable<Row> = [],
  ) {
    for (const row of initial) this.rows.set(rowKey(model, row), row);
  }

  get(key: string): Row | undefined {
    return this.rows.get(key);
  }

  set(row: Row): void {
    const key = rowKey(this.model, row);
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

  /** Rows to upsert and keys to delete since construction. */
  changes(): { upserts: Row[]; deletes: Row[] } {
    const upserts: Row[] = [];
    const deletes: Row[] = [];
    for (const key of this.changed) {
      const row = this.rows.get(key) ?? this.removed.get(key);
      if (row) (this.rows.has(key) ? upserts : deletes).push(row);
    }
    return { upserts, deletes };
  }
}
