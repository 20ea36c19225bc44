import { randomUUID } from 'node:crypto';
import {
  appendToStream,
  checkpointCoversStream,
  EVENT_STORE_MIGRATIONS,
  generateSigner,
  loadMigrations,
  migrate,
  readCheckpoints,
  requestCheckpoint,
} from '@selter/event-store';
import { createLogger } from '@selter/logging';
import { createTestDatabase } from '@selter/testing';
import postgres from 'postgres';
import { startCheckpoints } from './checkpoints';

describe('the checkpoint loop', () => {
  it('signs a checkpoint soon after one is requested, long before its next tick, and one pass at a time', async () => {
    const db = await createTestDatabase('checkpoints');
    const sql = postgres(db.url, { max: 4, onnotice: () => undefined });
    await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
    const stop = await startCheckpoints({
      sql,
      signer: generateSigner(),
      intervalMs: 3_600_000,
      log: createLogger({ component: 'checkpoints-test', level: 'warn', format: 'json' }),
    });
    try {
      const streamId = `round-${randomUUID()}`;
      await appendToStream(sql, streamId, 'no_stream', [
        {
          eventId: randomUUID(),
          type: 'RoundPlanned',
          data: {},
          metadata: {},
          recordedAt: '2026-03-02T08:00:00.000Z',
        },
      ]);
      expect(await checkpointCoversStream(sql, streamId)).toBe(false);
      // A burst of requests: coalesced and paced, never two passes at once (a second would fail on the sequence key).
      await Promise.all(Array.from({ length: 5 }, () => requestCheckpoint(sql)));
      const deadline = Date.now() + 10_000;
      while (!(await checkpointCoversStream(sql, streamId))) {
        if (Date.now() > deadline) throw new Error('no checkpoint after the request');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const checkpoints = await readCheckpoints(sql);
      expect(checkpoints.map((c) => c.body.sequence)).toEqual(checkpoints.map((_, i) => i + 1));
      expect(checkpoints.at(-1)?.body.treeSize).toBe(1);
    } finally {
      await stop();
      await sql.end();
      await db.drop();
    }
  });
});
