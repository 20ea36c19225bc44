import { randomUUID } from 'node:crypto';
import { appendToStream, type NewEvent } from '@selter/event-store';
import { scenarioDatabase } from '../databases';
import type { Scenario } from '../harness';
import { createRawTable, rawInsertRate } from '../raw-insert';

const BATCH = 100;
const CLIENTS = 4;
const DURATION_MS = 5_000;

const events = (n: number): NewEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    eventId: randomUUID(),
    type: 'ApplicantRegistered',
    data: {
      postId: `post-${i % 20}`,
      nip: `19700101199503${String(i).padStart(4, '0')}`,
      rank: 'IV/a',
      education: 'S2',
    },
    metadata: { actor: { id: 'operator-1', role: 'operator' }, correlationId: randomUUID() },
    recordedAt: new Date().toISOString(),
  }));

/** 100-event appends (a bulk registration import) against the raw batched INSERT of the same rows. */
const scenario: Scenario = {
  name: 'append-batch',
  description: '100 events per append transaction vs raw 100-row INSERT transactions',
  needs: ['postgres'],
  async run({ engines }) {
    const { url, sql } = await scenarioDatabase(engines.databaseUrl, 'bench_append_batch', CLIENTS);
    await createRawTable(sql, 'raw_events');
    const raw = await rawInsertRate(url, 'raw_events', {
      clients: CLIENTS,
      batch: BATCH,
      durationMs: DURATION_MS,
    });
    let appended = 0;
    const deadline = performance.now() + DURATION_MS;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        const stream = `round-import-${c}-${randomUUID()}`;
        let version = 0;
        while (performance.now() < deadline) {
          version = (await appendToStream(sql, stream, version || 'no_stream', events(BATCH)))
            .nextExpectedVersion;
          appended += BATCH;
        }
      }),
    );
    const rate = appended / ((performance.now() - start) / 1000);
    await sql.end();
    return {
      unit: 'events/s',
      value: rate,
      baseline: raw.rowsPerSecond,
      ratio: rate / raw.rowsPerSecond,
      details: { batch: BATCH, clients: CLIENTS, durationMs: DURATION_MS, target: 0.5 },
    };
  },
};
export default scenario;
