import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { roundStateQuery, type RoundOutcome } from '@selter/contracts';
import { planOfPosts } from '@selter/domain/testing';
import { ensureTemporalCli, freePort, startTemporalDevServer, type RunningTemporal } from '@selter/engines';
import { testEndpoints, uniqueName } from '@selter/testing';
import type { temporal } from '@temporalio/proto';
import {
  foldStored,
  RecordingBuilder,
  roundHarness,
  sendAll,
  startRound,
  withRoundWorker,
  type RoundHarness,
} from './rounds.test-helper';

// Temporal's limits lowered about tenfold (defaults: 10,240 events and 2,000 Updates per run,
// continue-as-new suggested at 4,096 events): a round about a tenth of the largest one (2 posts,
// 120 applicants: ~300 decisions) must cross runs exactly as the largest does at full limits.
const LIMITS = {
  historyEvents: 1_200,
  updates: 150,
};
const DYNAMIC_CONFIG = {
  'limit.historyCount.error': LIMITS.historyEvents,
  'limit.historyCount.warn': 800,
  'limit.historyCount.suggestContinueAsNew': 500,
  'history.maxTotalUpdates': LIMITS.updates,
};

let server: RunningTemporal;
let h: RoundHarness;

beforeAll(async () => {
  const { cacheDir, workDir } = testEndpoints();
  const dir = join(workDir, uniqueName('temporal-limits'));
  mkdirSync(dir, { recursive: true });
  const binary = ensureTemporalCli(cacheDir, () => undefined) as string; // the test setup found it already
  server = await startTemporalDevServer({
    binary,
    port: await freePort(),
    uiPort: null,
    logFile: join(dir, 'temporal.log'),
    dynamicConfig: DYNAMIC_CONFIG,
  });
  h = await roundHarness(server.address);
}, 120_000);

afterAll(async () => {
  await h?.close();
  await server?.stop();
});

type History = temporal.api.history.v1.IHistory;

/** Every run of a workflow id, first to last, following each continue-as-new. */
async function runsOf(workflowId: string, firstRunId: string): Promise<History[]> {
  const runs: History[] = [];
  for (let runId: string | undefined = firstRunId; runId;) {
    const history: History = await h.client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.push(history);
    const last = history.events?.at(-1);
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return runs;
}

const updatesIn = (history: History): number =>
  history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length ?? 0;

describe('a round larger than one run (Temporal limits lowered with --dynamic-config-value)', () => {
  it('continues as new inside the limits, folds each new run back from the store, and ends as one round', async () => {
    await withRoundWorker(h, async (taskQueue) => {
      const b = new RecordingBuilder(planOfPosts(2)).announce();
      b.register('post-01', 60).register('post-02', 60).closeAll().verify().stages();
      b.shortlist('post-01').shortlist('post-02');
      b.appoint('post-01').run(b.inaugurateCommand('post-01'));
      b.appoint('post-02').run(b.inaugurateCommand('post-02'));
      const commands = b.take();
      expect(commands.length).toBeGreaterThan(1.5 * LIMITS.updates);

      const handle = await startRound(h, taskQueue);
      const { runId: firstRunId } = await handle.describe();
      const events = await sendAll(handle, commands);
      expect(events.at(-1)?.type).toBe('RoundClosed');
      const outcome: RoundOutcome = await handle.result();
      expect(outcome).toEqual({ status: 'closed', version: b.stream.events.length });

      const runs = await runsOf(handle.workflowId, firstRunId);
      const lengths = runs.map((r) => r.events?.length ?? 0);
      expect(runs.length).toBeGreaterThanOrEqual(3);
      for (const length of lengths) expect(length).toBeLessThan(LIMITS.historyEvents);
      for (const run of runs) expect(updatesIn(run)).toBeLessThanOrEqual(LIMITS.updates);
      expect(runs.reduce((n, r) => n + updatesIn(r), 0)).toBe(commands.length);

      // One round whatever the runs: the last run's state is the fold of the store, and the store
      // holds each decision once (versions 1..n, as the domain alone decides them).
      const state = await handle.query(roundStateQuery);
      expect(state.version).toBe(b.stream.events.length);
      expect(await foldStored(h.sql, handle.workflowId)).toEqual(state);
      expect(JSON.parse(JSON.stringify(b.stream.state))).toEqual(state);
      process.stderr.write(
        `scale: ${commands.length} decisions in ${runs.length} runs; history lengths ${lengths.join(', ')}\n`,
      );
    });
  });
});
