// round-large: the largest round we plan for (20 posts, 1,500 applicants) through registration,
// administrative verdicts and two stages as Temporal Updates on the dev server: it completes those
// phases inside Temporal's limits, continuing as new; the largest execution's history is printed.
import { roundStateQuery, roundWorkflowId } from '@selter/contracts';
import { queryThroughRestore, sendThroughRunSwitch } from '@selter/testing';
import type { RoundCommand } from '@selter/domain';
import { LARGEST_ROUND, planOfPosts } from '@selter/domain/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { Scenario } from '../harness';
import { RecordingBuilder, startBenchWorker } from '../rounds';

/** Temporal's default cap on one execution's history (events). */
const HISTORY_LIMIT = 10_240;
/** Posts decided side by side; each post's decisions go in order (Temporal admits 10 in flight per execution). */
const LANES = 8;

function largeRoundCommands(): { plan: RoundCommand[]; perPost: Map<string, RoundCommand[]> } {
  const { posts, applicants } = LARGEST_ROUND;
  const b = new RecordingBuilder(planOfPosts(posts)).announce();
  const plan = [...b.commands];
  const postIds = b.round.postIds;
  postIds.forEach((postId, i) =>
    b.register(postId, Math.floor(applicants / posts) + (i < applicants % posts ? 1 : 0)),
  );
  b.closeAll().verify().stages(2);
  const perPost = new Map<string, RoundCommand[]>();
  for (const command of b.commands.slice(plan.length)) {
    const postId = 'postId' in command.data ? String(command.data.postId) : '';
    perPost.set(postId, [...(perPost.get(postId) ?? []), command]);
  }
  if (perPost.has(''))
    throw new Error('a round-level command after the announcement; the lanes would reorder it');
  return { plan, perPost };
}

type History = temporal.api.history.v1.IHistory;

const scenario: Scenario = {
  name: 'round-large',
  description:
    'one round of 20 posts and 1,500 applicants through verdicts and two stages; the largest history vs the 10,240-event limit',
  needs: ['postgres', 'temporal'],
  async run({ engines, log }) {
    const { plan, perPost } = largeRoundCommands();
    const decisions = plan.length + [...perPost.values()].reduce((n, c) => n + c.length, 0);
    const w = await startBenchWorker(engines, 'round-large');
    const agency = `bench-large-${Date.now()}`;
    try {
      const workflowId = roundWorkflowId(agency, 'round-1');
      const handle = await w.client.workflow.start('selectionRound', {
        taskQueue: w.taskQueue,
        workflowId,
        args: [{ agency, roundId: 'round-1' }],
      });
      const firstRunId = (await handle.describe()).runId;
      const send = (command: RoundCommand) =>
        sendThroughRunSwitch(() => handle.executeUpdate(command.type, { args: [command] })).catch(
          (error: unknown) => {
            const cause =
              error instanceof WorkflowUpdateFailedError ? `: ${String(error.cause?.message)}` : '';
            throw new Error(`${command.type} failed${cause}`);
          },
        );
      const began = performance.now();
      for (const command of plan) await send(command);
      // Registrations of every post first, then the rest: the round's clock follows the decisions'
      // dates (ADR 13), so a verdict dated after the deadline must not overtake another post's registrations.
      const registration = new Set(['RegisterApplicant', 'CloseRegistration']);
      for (const phase of [
        (c: RoundCommand) => c.type === 'RegisterApplicant',
        (c: RoundCommand) => c.type === 'CloseRegistration',
        (c: RoundCommand) => !registration.has(c.type),
      ]) {
        const lanes = [...perPost.values()].map((commands) => commands.filter(phase));
        let next = 0;
        await Promise.all(
          Array.from({ length: LANES }, async () => {
            for (let lane = lanes[next++]; lane; lane = lanes[next++])
              for (const command of lane) await send(command);
          }),
        );
      }
      const seconds = (performance.now() - began) / 1000;
      // Right after a continue-as-new the new run folds its state back from the store; ask again.
      const state = await queryThroughRestore(() => handle.query(roundStateQuery));

      const lengths: number[] = [];
      for (let runId: string | undefined = firstRunId; runId;) {
        const history: History = await w.client.workflow.getHandle(workflowId, runId).fetchHistory();
        lengths.push(history.events?.length ?? 0);
        runId =
          history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ??
          undefined;
      }
      const [stored] = await w.sql<
        Array<{ n: string }>
      >`select count(*) as n from events where stream_id = ${workflowId}`;
      if (Number(stored?.n) !== state.version)
        throw new Error(`store holds ${stored?.n} events, the workflow ${state.version}`);
      const largest = Math.max(...lengths);
      log(
        `round-large: ${decisions} decisions in ${seconds.toFixed(1)} s over ${lengths.length} runs; largest history ${largest} events (${lengths.join(', ')})`,
      );
      await handle.terminate('benchmark over');
      return {
        unit: 'events (largest execution history)',
        value: largest,
        baseline: HISTORY_LIMIT,
        ratio: largest / HISTORY_LIMIT,
        details: {
          posts: LARGEST_ROUND.posts,
          applicants: LARGEST_ROUND.applicants,
          decisions,
          events: state.version,
          runs: lengths.length,
          historyLengths: lengths,
          seconds,
          decisionsPerSecond: decisions / seconds,
          lanes: LANES,
          completed:
            state.status === 'announced' &&
            state.postIds.every((id) => (state.posts[id]?.published.length ?? 0) >= 2),
        },
      };
    } finally {
      await w.close();
    }
  },
};

export default scenario;
