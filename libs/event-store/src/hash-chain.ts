import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import type { NewEvent } from './types';

/** The hash that precedes version 1 of every stream. */
export const GENESIS_HASH = Buffer.alloc(32);

/** The fields a stored event's hash covers, in canonical (RFC 8785) JSON. */
export function canonicalRecord(streamId: string, streamVersion: number, event: NewEvent): string {
  return canonicalize({
    streamId,
    streamVersion,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    recordedAt: event.recordedAt,
    data: event.data,
    metadata: event.metadata,
  });
}

/** SHA-256 over the previous hash and the record's UTF-8 bytes. */
export function chainHash(prevHash: Buffer, record: string): Buffer {
  return createHash('sha256').update(prevHash).update(record, 'utf8').digest();
}

/** Re-encodes a record canonically: equal content gives equal text, whatever key order was written. */
export function recanonicalize(record: string): string {
  return canonicalize(JSON.parse(record) as unknown);
}
