import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendToStream,
  Checkpointer,
  EVENT_STORE_MIGRATIONS,
  generateSigner,
  loadMigrations,
  migrate,
} from '@selter/event-store';
import { createTestDatabase } from '@selter/testing';
import postgres from 'postgres';
import { verifyBundleFile } from './bundle-commands';
import { exportCommand, verifyCommand } from './commands';

describe('auditor commands', () => {
  it('verify the store, export a round, and verify the bundle offline', async () => {
    const db = await createTestDatabase('auditor');
    const sql = postgres(db.url, { max: 4, onnotice: () => undefined });
    const dir = mkdtempSync(join(tmpdir(), 'auditor-'));
    try {
      await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
      const signer = generateSigner();
      const event = (type: string, data: object) => ({
        eventId: randomUUID(),
        type,
        data,
        metadata: { actor: { id: 'ppk-1', role: 'ppk' } },
        recordedAt: '2026-04-01T09:00:00.000Z',
      });
      await appendToStream(sql, 'round-kab-bulukumba-1', 'no_stream', [
        event('RoundPlanned', { posts: 9 }),
        event('AppointeeChosen', { postId: 'sekda', applicantId: 'a-17' }),
      ]);
      await appendToStream(sql, 'round-kab-gowa-1', 'no_stream', [event('RoundPlanned', { posts: 3 })]);
      const checkpoint = await new Checkpointer(sql, signer).checkpoint();

      expect(await verifyCommand(sql, [signer.publicKey])).toMatchObject({
        exitCode: 0,
        output: { ok: true, eventsChecked: 3, streamsChecked: 2 },
      });
      // Against the copies published outside the database: the same checkpoint agrees, a different one does not.
      expect(await verifyCommand(sql, [signer.publicKey], undefined, [checkpoint!])).toMatchObject({
        exitCode: 0,
        output: { ok: true, checkpointsChecked: 2 },
      });
      const other = await createTestDatabase('auditor_other');
      const otherSql = postgres(other.url, { max: 2, onnotice: () => undefined });
      await migrate(otherSql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
      await appendToStream(otherSql, 'round-kab-bulukumba-1', 'no_stream', [
        event('RoundPlanned', { posts: 8 }),
      ]);
      const forked = await new Checkpointer(otherSql, signer).checkpoint();
      await otherSql.end();
      await other.drop();
      expect(await verifyCommand(sql, [signer.publicKey], undefined, [forked!])).toMatchObject({
        exitCode: 1,
        output: { ok: false, problem: { code: 'TRUSTED_CHECKPOINT_MISMATCH', checkpointSequence: 1 } },
      });
      const file = join(dir, 'bundle.json');
      expect(await exportCommand(sql, 'round-kab-bulukumba-1', file, signer.publicKey)).toMatchObject({
        exitCode: 0,
        output: { events: 2, treeSize: 3 },
      });
      expect(verifyBundleFile(file, { expectedKeyId: signer.keyId })).toMatchObject({
        exitCode: 0,
        output: { ok: true, keyId: signer.keyId, keyPinned: true },
      });
      expect(verifyBundleFile(file, { expectedKeyId: 'someone-elses-key' })).toMatchObject({
        exitCode: 1,
        output: { problem: { code: 'KEY_MISMATCH' } },
      });
    } finally {
      await sql.end();
      await db.drop();
    }
  });
});
