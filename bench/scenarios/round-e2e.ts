// round-e2e: 100 rounds of the 9-post, 43-applicant shape (the domain's buildFullRound, every post
// to inauguration) driven concurrently through every decision as Temporal Updates on the run's dev
// server, against a bare workflow taking the same Updates and appending nothing, in the same run.
import { roundWorkflowId } from '@selter/contracts';
import type { RoundCommand } from '@selter/domain';
import { planOfPosts, WITHOUT_RECOMMENDATION } from '@selter/domain/testing';
import type { WorkflowHandle } from '@temporalio/client';
import type { Scenario } from '../harness';
import { RecordingBuilder, startBenchWorker } from '../rounds';

const ROUNDS = 100;
const POSTS = 9;
const APPLICANTS = 43;
/** Rounds in flight at once; each round sends its decisions one after another. */
const CONCURRENCY = 16;
const WARMUP_ROUNDS = 2;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 250;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

/**
 * Every decision of buildFullRound({ posts: 9, applicants: 43 }) (same defaults: bkn-2024, seed 7,
 * every 25th applicant without the home-PPK recommendation), plus the last post's inauguration, so
 * the round closes and its workflow completes.
 */
function fullRoundCommands(): RoundCommand[] {
  const b = new RecordingBuilder(planOfPosts(POSTS), '2024-09-02', 'bkn-2024', 7).announce();
  const postIds = b.round.postIds;
  for (let n = 0; n < APPLICANTS; n += 1) {
    const lacks = n % 25 === 24;
    b.register(postIds[n % POSTS] ?? '', 1, () => (lacks ? WITHOUT_RECOMMENDATION : {}), b.day(8 + (n % 14)));
  }
  b.closeAll().verify().stages();
  postIds.forEach((postId) => b.shortlist(postId).appoint(postId));
  postIds.forEach((postId) => b.run(b.inaugurateCommand(postId)));
  if (b.stream.state.status !== 'closed')
    throw new Error(`the recorded round ends ${b.stream.state.status}, not closed`);
  return [...b.commands];
}

interface Phase {
  wallMs: number;
  roundsPerMinute: number;
  decisionsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  decisions: number;
  historyLength: { min: number; max: number };
}

/** Runs `count` rounds, `CONCURRENCY` at a time, each sending `commands` in order; latency per Update. */
async function drive(
  count: number,
  commands: readonly RoundCommand[],
  start: (r: number) => Promise<WorkflowHandle>,
): Promise<Phase> {
  const latencies: number[] = [];
  const handles: WorkflowHandle[] = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
      for (let r = next++; r < count; r = next++) {
        const handle = await start(r);
        handles.push(handle);
        for (const command of commands) {
          const sent = performance.now();
          await handle.executeUpdate(command.type, { args: [command] });
          latencies.push(performance.now() - sent);
        }
        await handle.result();
      }
    }),
  );
  const wallMs = performance.now() - began;
  latencies.sort((a, b) => a - b);
  const lengths = await Promise.all(handles.map(async (h) => (await h.describe()).historyLength));
  return {
    wallMs,
    roundsPerMinute: (count * 60_000) / wallMs,
    decisionsPerSecond: (latencies.length * 1000) / wallMs,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    decisions: latencies.length,
    historyLength: { min: Math.min(...lengths), max: Math.max(...lengths) },
  };
}

/**
 * Rounds per minute of the real selectionRound workflow (decide, fold, append through the activity
 * to PostgreSQL) against the bare workflow (same Updates answered at once), 100 rounds each, 16 in
 * flight. Latency is from sending an Update to its accepted result, which the workflow returns only
 * after the append activity stored the events in PostgreSQL (DecisionRecord.accept awaits it).
 */
const scenario: Scenario = {
  name: 'round-e2e',
  description:
    '100 rounds (9 posts, 43 applicants) through every decision as Updates vs a bare workflow appending nothing',
  needs: ['postgres', 'temporal'],
  async run({ engines, log }) {
    const commands = fullRoundCommands();
    const { sql, client, taskQueue, close } = await startBenchWorker(engines, 'round-e2e');
    const stamp = Date.now();
    const real =
      (label: string) =>
      (r: number): Promise<WorkflowHandle> => {
        // A distinct agency per round; the builder plans 'round-1', which is the workflow's roundId.
        const agency = `bench-${label}-${stamp}-${r}`;
        return client.workflow.start('selectionRound', {
          taskQueue,
          workflowId: roundWorkflowId(agency, 'round-1'),
          args: [{ agency, roundId: 'round-1' }],
        });
      };
    const bare = (r: number): Promise<WorkflowHandle> =>
      client.workflow.start('bareDecisions', {
        taskQueue,
        workflowId: `bench-bare-${stamp}-${r}`,
        args: [{ expectedUpdates: commands.length }],
      });
    try {
      log(`round-e2e: ${commands.length} decisions per round, ${ROUNDS} rounds, ${CONCURRENCY} in flight`);
      await drive(WARMUP_ROUNDS, commands, real('warmup'));
      const baseline = await drive(ROUNDS, commands, bare);
      log(
        `round-e2e bare: ${baseline.roundsPerMinute.toFixed(1)} rounds/min, p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms`,
      );
      const value = await drive(ROUNDS, commands, real('round'));
      log(
        `round-e2e real: ${value.roundsPerMinute.toFixed(1)} rounds/min, p50 ${value.p50.toFixed(1)} ms, p99 ${value.p99.toFixed(1)} ms`,
      );
      const [stored] = await sql<Array<{ events: string; streams: string }>>`
        select count(*) as events, count(distinct stream_id) as streams from events where stream_id like ${`%bench-round-${stamp}-%`}`;
      const ratio = value.roundsPerMinute / baseline.roundsPerMinute;
      return {
        unit: 'rounds/min',
        value: value.roundsPerMinute,
        baseline: baseline.roundsPerMinute,
        ratio,
        details: {
          targetRatio: TARGET_RATIO,
          targetP99Ms: TARGET_P99_MS,
          met: ratio >= TARGET_RATIO && value.p99 <= TARGET_P99_MS,
          latency:
            'ms from sending an Update to its accepted result, returned only after the append activity stored the events in PostgreSQL',
          rounds: ROUNDS,
          posts: POSTS,
          applicants: APPLICANTS,
          decisionsPerRound: commands.length,
          concurrency: CONCURRENCY,
          warmupRounds: WARMUP_ROUNDS,
          storedEvents: Number(stored?.events ?? 0),
          storedStreams: Number(stored?.streams ?? 0),
          real: value,
          bare: baseline,
        },
      };
    } finally {
      await close();
    }
  },
};

export default scenario;
