import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoundEvent } from '@selter/domain';
import { buildFullRound } from '@selter/domain/testing';
import {
  appendToStream,
  Checkpointer,
  EVENT_STORE_MIGRATIONS,
  exportBundle,
  generateSigner,
  loadMigrations,
  migrate,
  type CheckpointSigner,
  type EventMetadata,
  type EvidenceBundle,
  type NewEvent,
} from '@selter/event-store';
import { createTestDatabase } from '@selter/testing';
import postgres, { type Sql } from 'postgres';

/** A store holding one whole round (and a neighbour), checkpointed as it grew, and the round's exported bundle. */
export interface AuditWorld {
  sql: Sql;
  signer: CheckpointSigner;
  streamId: string;
  events: RoundEvent[];
  /** The exported bundle's file. */
  file: string;
  bundle(): EvidenceBundle;
  /** Writes a copy of the bundle changed by `change` and returns its file. */
  tampered(name: string, change: (bundle: EvidenceBundle) => void): string;
  close(): Promise<void>;
}

const stored = (event: RoundEvent): NewEvent => ({
  eventId: randomUUID(),
  type: event.type,
  data: event.data,
  metadata: event.metadata as unknown as EventMetadata,
  recordedAt: new Date(Date.parse(event.data.at)).toISOString(),
});

export async function auditWorld(prefix: string): Promise<AuditWorld> {
  const db = await createTestDatabase(prefix);
  const sql = postgres(db.url, { max: 4, onnotice: () => undefined });
  const dir = mkdtempSync(join(tmpdir(), 'auditor-'));
  await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
  const signer = generateSigner();
  const checkpointer = new Checkpointer(sql, signer);
  const streamId = 'round-kab-bulukumba-2024-1';
  const { stream } = buildFullRound({ posts: 2, applicants: 10 });
  const events = stream.events;
  // Appended a decision's worth at a time, a neighbour's event in between, a checkpoint now and then.
  for (let v = 0; v < events.length; v += 7) {
    await appendToStream(sql, streamId, v || 'no_stream', events.slice(v, v + 7).map(stored));
    await appendToStream(sql, 'round-kab-gowa-2024-1', v / 7 || 'no_stream', [
      stored(events[0] as RoundEvent),
    ]);
    if ((v / 7) % 3 === 0) await checkpointer.checkpoint();
  }
  await checkpointer.checkpoint();
  const bundle = await exportBundle(sql, streamId, signer);
  const file = join(dir, 'bundle.json');
  writeFileSync(file, JSON.stringify(bundle));
  return {
    sql,
    signer,
    streamId,
    events,
    file,
    bundle: () => JSON.parse(readFileSync(file, 'utf8')) as EvidenceBundle,
    tampered(name, change) {
      const copy = JSON.parse(readFileSync(file, 'utf8')) as EvidenceBundle;
      change(copy);
      const out = join(dir, `${name}.json`);
      writeFileSync(out, JSON.stringify(copy));
      return out;
    },
    async close() {
      await sql.end();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
