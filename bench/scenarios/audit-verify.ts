// audit-verify: the auditor's `npm run audit -- verify <bundle>` on one round's evidence bundle, in
// events per second, against the event store's verifyStore on the same events in the same run (the
// store holds only that stream, so both check exactly the same chain and checkpoint).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  appendToStream,
  Checkpointer,
  exportBundle,
  generateSigner,
  publicKeyPem,
  verifyBundle,
  verifyStore,
  type EvidenceBundle,
  type NewEvent,
} from '@selter/event-store';
import { scenarioDatabase } from '../databases';
import { medianOf, type Scenario } from '../harness';

const TOTAL = Number(process.env.BENCH_AUDIT_TOTAL ?? 200_000);
const BATCH = 500;
const STREAM = 'round-kab-bench-2026-1';
const ROOT = resolve(__dirname, '..', '..');

const batch = (from: number): NewEvent[] =>
  Array.from({ length: BATCH }, (_, i) => ({
    eventId: randomUUID(),
    type: 'StageResultsRecorded',
    data: {
      roundId: 'bench-2026-1',
      postId: `post-${(from + i) % 20}`,
      stageId: 'assessment',
      results: [{ applicantId: `applicant-${from + i}`, score: 60 + ((from + i) % 40) }],
      at: new Date(Date.UTC(2026, 2, 1) + from + i).toISOString(),
    },
    metadata: { actor: { id: 'pansel-3', role: 'pansel' }, role: 'pansel', correlationId: randomUUID() },
    recordedAt: new Date(Date.UTC(2026, 2, 1) + from + i).toISOString(),
  }));

/** Runs the real command line (a fresh Node process: start, read, parse, verify) and returns its wall time in ms. */
function runCli(args: string[]): Promise<number> {
  const start = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['scripts/run.cjs', 'apps/auditor/src/main.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0
        ? done(performance.now() - start)
        : fail(new Error(`audit verify exited ${code}: ${out.slice(0, 500)}`)),
    );
  });
}

const scenario: Scenario = {
  name: 'audit-verify',
  description: "the auditor CLI's offline bundle verification vs verifyStore on the same events",
  needs: ['postgres'],
  async run({ engines, workDir, log }) {
    const { sql } = await scenarioDatabase(engines.databaseUrl, 'bench_audit_verify', 4);
    const loadStart = performance.now();
    for (let v = 0; v < TOTAL; v += BATCH) await appendToStream(sql, STREAM, v || 'no_stream', batch(v));
    log(`loaded ${TOTAL} events in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
    await sql`vacuum analyze events`;
    const signer = generateSigner();
    await new Checkpointer(sql, signer).checkpoint();
    const file = join(workDir, 'audit-verify-bundle.json');
    const keyFile = join(workDir, 'audit-verify-key.pem');
    writeFileSync(file, JSON.stringify(await exportBundle(sql, STREAM, signer)));
    writeFileSync(keyFile, publicKeyPem(signer.publicKey));

    const storeMs = await medianOf(3, async () => {
      const start = performance.now();
      const report = await verifyStore(sql, { publicKeys: [signer.publicKey] });
      if (!report.ok || report.eventsChecked !== TOTAL)
        throw new Error(`verifyStore failed: ${JSON.stringify(report)}`);
      return performance.now() - start;
    });
    await sql.end();
    // The CLI's own path in this process (read the file, parse, verify), then the real command.
    const inProcessMs = await medianOf(3, async () => {
      const start = performance.now();
      const verdict = verifyBundle(JSON.parse(readFileSync(file, 'utf8')) as EvidenceBundle, {
        publicKey: signer.publicKey,
      });
      if (!verdict.ok || verdict.eventsChecked !== TOTAL)
        throw new Error(`verifyBundle failed: ${JSON.stringify(verdict)}`);
      return performance.now() - start;
    });
    const cliMs = await medianOf(3, () => runCli(['verify', file, '--public-key', keyFile]));
    const rate = (ms: number): number => TOTAL / (ms / 1000);
    log(
      `verifyStore ${Math.round(storeMs)} ms, CLI path in process ${Math.round(inProcessMs)} ms, real CLI ${Math.round(cliMs)} ms`,
    );
    return {
      unit: 'events/s',
      value: rate(cliMs),
      baseline: rate(storeMs),
      ratio: storeMs / cliMs,
      details: {
        events: TOTAL,
        target: 0.8,
        inProcessRate: rate(inProcessMs),
        inProcessRatio: storeMs / inProcessMs,
        cliWallMs: cliMs,
        storeMs,
      },
    };
  },
};
export default scenario;
