import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres, startEngines, freePort } from '@selter/engines';
import type { Scenario } from '../harness';

async function timed(fn: () => Promise<() => Promise<void>>): Promise<number> {
  const start = performance.now();
  const stop = await fn();
  const ms = performance.now() - start;
  await stop();
  return ms;
}

/**
 * Cold start (fresh data folder: initdb, KRaft format) and warm start (same folder again) of
 * PostgreSQL, Temporal and Kafka together, against cold-starting PostgreSQL alone.
 * ratio = PostgreSQL-alone cold ms / all-three cold ms (1 would mean the others cost nothing).
 */
const scenario: Scenario = {
  name: 'engines-up',
  description: 'cold and warm start of the three engines, against PostgreSQL alone',
  needs: [],
  async run({ workDir, cacheDir, log }) {
    const dir = join(workDir, 'engines-up');
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    const all = (): Promise<() => Promise<void>> =>
      startEngines({ dataDir: join(dir, 'all'), cacheDir, persistent: true, log }).then((e) => e.stop);
    const coldMs = await timed(all);
    const warmMs = await timed(all);
    const pgAloneMs = await timed(async () => {
      const pg = await startEmbeddedPostgres({
        dataDir: join(dir, 'pg-alone'),
        port: await freePort(),
        logFile: join(dir, 'pg-alone.log'),
      });
      return pg.stop;
    });
    rmSync(dir, { recursive: true, force: true });
    return {
      unit: 'ms',
      value: Math.round(coldMs),
      baseline: Math.round(pgAloneMs),
      ratio: pgAloneMs / coldMs,
      details: {
        coldMs: Math.round(coldMs),
        warmMs: Math.round(warmMs),
        postgresAloneColdMs: Math.round(pgAloneMs),
      },
    };
  },
};
export default scenario;
