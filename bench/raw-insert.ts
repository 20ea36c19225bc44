import { randomUUID } from 'node:crypto';
import postgres, { type Sql } from 'postgres';

/**
 * The raw baseline the event store is measured against: an event-shaped row (stream id,
 * version, event id, type, JSON data and metadata, a 32-byte hash) inserted by a plain
 * INSERT in its own transaction, with no checks, chain or checkpoint.
 */
export async function createRawTable(sql: Sql, table: string): Promise<void> {
  await sql.unsafe(`
    create table ${table} (
      global_position bigserial primary key,
      stream_id text not null,
      stream_version bigint not null,
      event_id uuid not null unique,
      type text not null,
      data jsonb not null,
      metadata jsonb not null,
      hash bytea not null,
      recorded_at timestamptz not null default now(),
      unique (stream_id, stream_version)
    )`);
}

const payload = {
  postId: 'post-07',
  applicantNip: '197001011995031001',
  verdict: 'MS',
  reason: 'memenuhi syarat',
};
const metadata = { actor: { id: 'pansel-1', role: 'pansel' }, correlationId: randomUUID() };

/**
 * Transactions per second when `clients` connections each insert `batch` rows per transaction
 * for `durationMs`, each client on its own stream.
 */
export async function rawInsertRate(
  url: string,
  table: string,
  { clients, batch, durationMs }: { clients: number; batch: number; durationMs: number },
): Promise<{ transactionsPerSecond: number; rowsPerSecond: number }> {
  const sql = postgres(url, { max: clients, onnotice: () => undefined });
  const hash = Buffer.alloc(32, 1);
  let transactions = 0;
  const deadline = performance.now() + durationMs;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const stream = `raw-${randomUUID()}`;
      let version = 0;
      while (performance.now() < deadline) {
        await sql.begin(async (tx) => {
          const rows = Array.from({ length: batch }, () => ({
            stream_id: stream,
            stream_version: (version += 1),
            event_id: randomUUID(),
            type: 'AdministrativeVerdictRecorded',
            data: JSON.stringify(payload),
            metadata: JSON.stringify({ ...metadata, client: c }),
            hash,
          }));
          await tx`insert into ${tx(table)} ${tx(rows)}`;
        });
        transactions += 1;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await sql.end();
  return { transactionsPerSecond: transactions / seconds, rowsPerSecond: (transactions * batch) / seconds };
}
