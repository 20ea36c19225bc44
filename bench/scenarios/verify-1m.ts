import { randomUUID } from 'node:crypto';
import {
  appendToStream,
  Checkpointer,
  generateSigner,
  verifyStore,
  type NewEvent,
} from '@selter/event-store';
import { scenarioDatabase } from '../databases';
import type { Scenario } from '../harness';

const TOTAL = Number(process.env.BENCH_VERIFY_TOTAL ?? 1_000_000);
const STREAMS = 1_000;
const BATCH = 500;

const batch = (stream: number, from: number): NewEvent[] =>
  Array.from({ length: BATCH }, (_, i) => ({
    eventId: randomUUID(),
    type: 'StageResultRecorded',
    data: {
      postId: `post-${stream % 20}`,
      applicantId: `applicant-${from + i}`,
      stage: 'assessment',
      score: 60 + ((from + i) % 40),
    },
    metadata: { actor: { id: 'pansel-3', role: 'pansel' }, correlationId: randomUUID() },
    recordedAt: new Date(Date.UTC(2026, 2, 1) + from + i).toISOString(),
  }));

/**
 * Verifies 1,000,000 events (every chain, the checkpoint tree, the signed checkpoint) against the
 * baseline of merely reading the same rows in the same order through the same client.
 */
const scenario: Scenario = {
  name: 'verify-1m',
  description: 'verify 1,000,000 events vs a raw read of the same rows',
  needs: ['postgres'],
  async run({ engines, log }) {
    const { sql } = await scenarioDatabase(engines.databaseUrl, 'bench_verify_1m', 8);
    const loadStart = performance.now();
    const perStream = TOTAL / STREAMS;
    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let s = w; s < STREAMS; s += 4) {
          for (let v = 0; v < perStream; v += BATCH)
            await appendToStream(sql, `round-${s}`, v || 'no_stream', batch(s, v));
        }
      }),
    );
    log(`loaded ${TOTAL} events in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
    await sql`vacuum analyze events`;
    const signer = generateSigner();
    await new Checkpointer(sql, signer).checkpoint();

    const readStart = performance.now();
    let read = 0;
    const cursor =
      sql`select stream_id, stream_version, global_position::text, transaction_id::text, event_id::text, type, record, prev_hash, hash
      from events order by events.transaction_id, events.global_position`.cursor(5_000);
    for await (const rows of cursor) read += rows.length;
    const rawRate = read / ((performance.now() - readStart) / 1000);

    const verifyStart = performance.now();
    const report = await verifyStore(sql, { publicKeys: [signer.publicKey] });
    const rate = report.eventsChecked / ((performance.now() - verifyStart) / 1000);
    await sql.end();
    if (!report.ok || report.eventsChecked !== TOTAL)
      throw new Error(`verify failed: ${JSON.stringify(report)}`);
    return {
      unit: 'events/s',
      value: rate,
      baseline: rawRate,
      ratio: rate / rawRate,
      details: { events: TOTAL, streams: STREAMS, target: 150_000 },
    };
  },
};
export default scenario;
