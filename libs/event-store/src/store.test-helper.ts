import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@selter/testing';
import postgres, { type Sql } from 'postgres';
import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate } from './migrate';
import type { NewEvent } from './types';

/** A migrated event store in a database of its own (test files never share rows). */
export async function freshStore(): Promise<{ sql: Sql; url: string; close(): Promise<void> }> {
  const db = await createTestDatabase('events');
  const sql = postgres(db.url, { max: 20, onnotice: () => undefined });
  await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
  return {
    sql,
    url: db.url,
    close: async () => {
      await sql.end();
      await db.drop();
    },
  };
}

let clock = Date.parse('2026-03-01T08:00:00Z');

/** A new event with a fresh id and a time one second after the previous one. */
export function event(
  type = 'ApplicantRegistered',
  data: Record<string, unknown> = { nip: '197001011995031001' },
): NewEvent {
  clock += 1_000;
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: { actor: { id: 'operator-1', role: 'operator' }, correlationId: randomUUID() },
    recordedAt: new Date(clock).toISOString(),
  };
}
