import type { StoredEvent } from './types';

/**
 * The columns every read selects; xid8 and int8 travel as text and become bigints. Their output
 * names shadow the table's columns in ORDER BY, so every ORDER BY names `events.` explicitly
 * (otherwise position 10 sorts before 9 as text).
 */
export const EVENT_COLUMNS =
  'stream_id, stream_version, global_position::text, transaction_id::text, event_id, type, schema_version, recorded_at, record, prev_hash, hash';

export interface EventRow {
  stream_id: string;
  stream_version: string | number;
  global_position: string;
  transaction_id: string;
  event_id: string;
  type: string;
  schema_version: number;
  recorded_at: Date;
  record: string;
  prev_hash: Buffer;
  hash: Buffer;
}

/** A stored row as an event; data and metadata come from the hashed record, exactly as written. */
export function toStoredEvent(row: EventRow): StoredEvent {
  const record = JSON.parse(row.record) as {
    data: unknown;
    metadata: StoredEvent['metadata'];
    recordedAt: string;
  };
  return {
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: BigInt(row.global_position),
    transactionId: BigInt(row.transaction_id),
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    recordedAt: record.recordedAt,
    data: record.data,
    metadata: record.metadata,
    record: row.record,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
