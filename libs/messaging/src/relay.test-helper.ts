import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import postgres, { type Sql } from 'postgres';
import {
  appendToStream,
  EVENT_STORE_MIGRATIONS,
  loadMigrations,
  migrate,
  type NewEvent,
} from '@selter/event-store';
import { parseCloudEvent, type SelterCloudEvent } from './envelope';
import { messagingMigrations } from './migrations';

const uniqueName = (prefix: string): string => `${prefix}_${randomUUID().slice(0, 8)}`;

export const kafkaClient = (brokers: string[]): Kafka =>
  new Kafka({
    clientId: uniqueName('test'),
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 3, initialRetryTime: 100 },
  });

/** Migrates a test database (from `createTestDatabase`) for the relay and the inbox. */
export async function testDatabase(db: {
  url: string;
  drop(): Promise<void>;
}): Promise<{ sql: Sql; drop(): Promise<void> }> {
  const sql = postgres(db.url, { max: 8, onnotice: () => undefined });
  await migrate(sql, [...loadMigrations('event-store', EVENT_STORE_MIGRATIONS), ...messagingMigrations()]);
  return {
    sql,
    drop: async () => {
      await sql.end();
      await db.drop();
    },
  };
}

export const newEvents = (n: number, from: number): NewEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    eventId: randomUUID(),
    type: 'ApplicantRegistered',
    data: { postId: 'p1', applicantId: `a${from + i}` },
    metadata: { actor: { id: 'op', role: 'operator' }, correlationId: 'c' },
    recordedAt: new Date().toISOString(),
  }));

/** Appends `n` events to a stream whose version the caller tracks in `versions`. */
export async function append(
  sql: Sql,
  versions: Map<string, number>,
  stream: string,
  n: number,
): Promise<string[]> {
  const version = versions.get(stream) ?? 0;
  const events = newEvents(n, version);
  await appendToStream(sql, stream, version === 0 ? 'no_stream' : version, events);
  versions.set(stream, version + n);
  return events.map((e) => e.eventId);
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Delivered {
  key: string;
  partition: number;
  event: SelterCloudEvent;
}

/** Reads the topics from the beginning until `enough(delivered)` holds (or the deadline passes). */
export async function consumeUntil(
  kafka: Kafka,
  topics: string[],
  enough: (d: Delivered[]) => boolean,
  timeoutMs = 60_000,
): Promise<Delivered[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('test-group') });
  const delivered: Delivered[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        delivered.push({
          key: message.key?.toString() ?? '',
          partition,
          event: parseCloudEvent(message.value),
        });
      },
    });
    await waitFor(`${topics.join(', ')} to deliver enough`, () => enough(delivered) || undefined, timeoutMs);
    return delivered;
  } finally {
    await consumer.disconnect();
  }
}

/** First deliveries only (what a deduplicating consumer acts on), checked to be in stream order. */
export function inStreamOrder(delivered: readonly Delivered[]): Map<string, string[]> {
  const seen = new Set<string>();
  const byStream = new Map<string, string[]>();
  const versions = new Map<string, number>();
  for (const { key, event } of delivered) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    if (key !== event.subject) throw new Error(`key ${key} is not the subject ${event.subject}`);
    const expected = (versions.get(key) ?? 0) + 1;
    if (event.selterstreamversion !== expected)
      throw new Error(`${key}: version ${event.selterstreamversion} delivered where ${expected} was due`);
    versions.set(key, expected);
    byStream.set(key, [...(byStream.get(key) ?? []), event.id]);
  }
  return byStream;
}

/**
 * The global position of the log's last event in committed order, where a drained relay's
 * checkpoint stands. Not `max(global_position)`: concurrent appends take positions and
 * transaction ids in different orders, so the highest position may be read before another.
 */
export async function lastCommittedPosition(sql: Sql): Promise<string> {
  const [row] = await sql<{ gp: string }[]>`
    select global_position::text as gp from events
    order by transaction_id desc, global_position desc limit 1`;
  return row?.gp ?? '0';
}
