import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedPostgres, type RunningPostgres } from '@selter/engines';
import postgres from 'postgres';
import { appendToStream } from './append';
import { Checkpointer } from './checkpoint';
import { ConcurrencyError } from './errors';
import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate } from './migrate';
import { readStream } from './read';
import { generateSigner } from './signing';
import { event } from './store.test-helper';
import { verifyStore } from './verify';

describe('event store: PostgreSQL killed with kill -9 under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'selter-crash-'));
  chmodSync(dir, 0o755);
  let pg: RunningPostgres | undefined;
  afterAll(async () => {
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged append, and the log still verifies after restart', async () => {
    const port = await freePort();
    const start = () =>
      startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port, logFile: join(dir, 'pg.log') });
    pg = await start();
    // Migrated by the schema's owner; appended and verified as the services do, as selter_app (ADR 0019).
    const owner = postgres(pg.ownerUrl, { max: 1, onnotice: () => undefined });
    await migrate(owner, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
    await owner.end();
    const admin = postgres(pg.url, { max: 16, onnotice: () => undefined, connect_timeout: 2 });
    const acknowledged = new Map<string, number>(); // stream -> last acknowledged version
    let stop = false;
    const writers = Array.from({ length: 8 }, async (_, w) => {
      const stream = `round-crash-${w}`;
      let version = 0;
      while (!stop) {
        try {
          const result = await appendToStream(admin, stream, version || 'no_stream', [
            event('StageResultRecorded', { writer: w, n: version + 1 }),
          ]);
          version = result.nextExpectedVersion;
          acknowledged.set(stream, version);
        } catch (error) {
          if (error instanceof ConcurrencyError) throw error; // one writer per stream: never expected
          return; // the server is gone
        }
      }
    });
    const deadline = Date.now() + 10_000;
    while ([...acknowledged.values()].reduce((a, b) => a + b, 0) < 200 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    await pg.process.kill(); // SIGKILL, mid-load
    stop = true;
    await Promise.all(writers);
    await admin.end({ timeout: 1 }).catch(() => undefined);
    expect([...acknowledged.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(200);

    pg = await start(); // crash recovery replays the WAL
    const sql = postgres(pg.url, { max: 2, onnotice: () => undefined });
    try {
      for (const [stream, version] of acknowledged) {
        const stored = await readStream(sql, stream);
        expect(stored.length).toBeGreaterThanOrEqual(version); // an append in flight at the kill may or may not have landed
        expect(stored.map((e) => e.streamVersion)).toEqual(stored.map((_, i) => i + 1));
      }
      const signer = generateSigner();
      await new Checkpointer(sql, signer).checkpoint();
      const report = await verifyStore(sql, { publicKeys: [signer.publicKey] });
      expect(report.ok).toBe(true);
      expect(report.eventsChecked).toBeGreaterThanOrEqual(200);
    } finally {
      await sql.end();
    }
  });
});
