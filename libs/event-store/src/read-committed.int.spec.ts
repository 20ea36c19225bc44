import { appendToStream } from './append';
import { canonicalRecord, chainHash, GENESIS_HASH } from './hash-chain';
import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate, MigrationChecksumError } from './migrate';
import { onAppends, positionOf, readCommitted, readCommittedHashes } from './read';
import { event, freshStore } from './store.test-helper';
import { LOG_START } from './types';

describe('event store: committed reads, migrations and the database role', () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => (store = await freshStore()));
  afterAll(() => store.close());

  it('never lets an append that commits late fall behind a reader (xid8 snapshot horizon)', async () => {
    const start = (await readCommitted(store.sql, LOG_START, 10_000)).at(-1);
    const after = start ? positionOf(start) : LOG_START;
    const slow = await store.sql.reserve();
    try {
      await slow`begin`;
      await slow`select pg_current_xact_id()`; // the slow transaction now holds an older xid
      await appendToStream(store.sql, 'fast', 'no_stream', [event('RoundPlanned')]);
      // The fast append committed, but a reader must not pass it while an older transaction runs.
      expect(await readCommitted(store.sql, after)).toEqual([]);
      const late = event('RoundPlanned');
      const record = canonicalRecord('late', 1, late);
      await slow`insert into events (stream_id, stream_version, event_id, type, schema_version, recorded_at, record, prev_hash, hash)
        values ('late', 1, ${late.eventId}, ${late.type}, 1, ${late.recordedAt}, ${record}, ${GENESIS_HASH}, ${chainHash(GENESIS_HASH, record)})`;
      await slow`commit`;
    } finally {
      slow.release();
    }
    const read = await readCommitted(store.sql, after);
    expect(read.map((e) => e.streamId)).toEqual(['late', 'fast']);
    expect(read[0]!.globalPosition > read[1]!.globalPosition).toBe(true); // committed order, not position order
  });

  it('pages through the log in numeric order, never skipping across 9 -> 10 or 99 -> 100 (regression)', async () => {
    const db = await freshStore();
    try {
      // Positions 1-120 in few transactions: within one, only the position orders the events.
      for (let i = 0; i < 4; i += 1)
        await appendToStream(
          db.sql,
          `page-${i}`,
          'no_stream',
          Array.from({ length: 30 }, () => event()),
        );
      const seen: bigint[] = [];
      for (
        let after = LOG_START, page = await readCommitted(db.sql, after, 4);
        page.length > 0;
        page = await readCommitted(db.sql, after, 4)
      ) {
        seen.push(...page.map((e) => e.globalPosition));
        after = positionOf(page[page.length - 1]!);
      }
      expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => BigInt(i + 1)));
      const leaves = await readCommittedHashes(db.sql, LOG_START, 12);
      expect(leaves.map((l) => l.globalPosition)).toEqual(
        Array.from({ length: 12 }, (_, i) => BigInt(i + 1)),
      );
    } finally {
      await db.close();
    }
  });

  it('wakes a listener when an append commits', async () => {
    let wakes = 0;
    const stop = await onAppends(store.sql, () => (wakes += 1), 60_000);
    try {
      await appendToStream(store.sql, 'notify', 'no_stream', [event()]);
      const deadline = Date.now() + 5_000;
      while (wakes === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(wakes).toBeGreaterThan(0);
    } finally {
      await stop();
    }
  });

  it('applies migrations once, even from processes starting together, and refuses an edited one', async () => {
    const migrations = loadMigrations('event-store', EVENT_STORE_MIGRATIONS);
    const again = await Promise.all([migrate(store.sql, migrations), migrate(store.sql, migrations)]);
    expect(again).toEqual([[], []]);
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'changed' } : m));
    await expect(migrate(store.sql, edited)).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it('the application role may only insert and select events; nobody may update, delete or truncate', async () => {
    const asApp = (statement: string, ...params: never[]) =>
      store.sql.begin(async (tx) => {
        await tx`set local role selter_app`;
        return tx.unsafe(statement, params);
      });
    const e = event();
    const record = canonicalRecord('guarded', 1, e);
    await asApp(
      `insert into events (stream_id, stream_version, event_id, type, schema_version, recorded_at, record, prev_hash, hash)
       values ('guarded', 1, '${e.eventId}', '${e.type}', 1, '${e.recordedAt}', $1, $2, $3)`,
      record as never,
      GENESIS_HASH as never,
      chainHash(GENESIS_HASH, record) as never,
    );
    expect(await asApp("select type from events where stream_id = 'guarded'")).toEqual([
      { type: 'ApplicantRegistered' },
    ]);
    await expect(asApp("update events set type = 'X' where stream_id = 'guarded'")).rejects.toThrow(
      /permission denied/,
    );
    await expect(asApp("delete from events where stream_id = 'guarded'")).rejects.toThrow(
      /permission denied/,
    );
    await expect(asApp('truncate events')).rejects.toThrow(/permission denied/);
    // The owner (here a superuser) is stopped by the triggers.
    for (const statement of [
      "update events set type = 'X' where stream_id = 'guarded'",
      "delete from events where stream_id = 'guarded'",
      'truncate events cascade',
    ]) {
      await expect(store.sql.unsafe(statement)).rejects.toThrow(/append-only/);
    }
    expect(await store.sql`select type from events where stream_id = 'guarded'`).toEqual([
      { type: 'ApplicantRegistered' },
    ]);
  });
});
