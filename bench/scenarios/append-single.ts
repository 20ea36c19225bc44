import { randomUUID } from 'node:crypto';
import { appendToStream } from '@selter/event-store';
import { scenarioDatabase } from '../databases';
import type { Scenario } from '../harness';
import { createRawTable, rawInsertRate } from '../raw-insert';

const CLIENTS = 16;
const DURATION_MS = 5_000;

/** Event-store appends (1 event per transaction, 16 writers, each on its own stream) against the raw same-shape INSERT. */
const scenario: Scenario = {
  name: 'append-single',
  description: '1-event appends, 16 concurrent writers, vs raw INSERT transactions',
  needs: ['postgres'],
  async run({ engines }) {
    const { url, sql } = await scenarioDatabase(engines.databaseUrl, 'bench_append_single', CLIENTS);
    await createRawTable(sql, 'raw_events');
    const raw = await rawInsertRate(url, 'raw_events', {
      clients: CLIENTS,
      batch: 1,
      durationMs: DURATION_MS,
    });
    let appends = 0;
    const deadline = performance.now() + DURATION_MS;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        const stream = `round-bench-${c}-${randomUUID()}`;
        let version = 0;
        while (performance.now() < deadline) {
          const result = await appendToStream(sql, stream, version || 'no_stream', [
            {
              eventId: randomUUID(),
              type: 'AdministrativeVerdictRecorded',
              data: {
                postId: 'post-07',
                applicantNip: '197001011995031001',
                verdict: 'MS',
                reason: 'memenuhi syarat',
              },
              metadata: { actor: { id: 'pansel-1', role: 'pansel' }, correlationId: randomUUID(), client: c },
              recordedAt: new Date().toISOString(),
            },
          ]);
          version = result.nextExpectedVersion;
          appends += 1;
        }
      }),
    );
    const rate = appends / ((performance.now() - start) / 1000);
    await sql.end();
    return {
      unit: 'appends/s',
      value: rate,
      baseline: raw.transactionsPerSecond,
      ratio: rate / raw.transactionsPerSecond,
      details: { clients: CLIENTS, durationMs: DURATION_MS, target: 0.5 },
    };
  },
};
export default scenario;
