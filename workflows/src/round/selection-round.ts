import {
  awaitingQuery,
  RESTORING,
  ROUND_COMMAND_TYPES,
  SWITCHING_RUNS,
  roundStateQuery,
  roundUpdate,
  roundWorkflowId,
  type RoundActivities,
  type RoundOutcome,
  type RoundWorkflowInput,
} from '@selter/contracts';
import { awaitedDecisions, DEFAULT_POLICIES, getPolicy, roundSchedule, time, type RoundEvent, type RoundState, type ScheduledCommand } from '@selter/domain';
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { Alarm } from './alarm';
import { RoundClock } from './round-clock';
import { misdirected } from './refusal';
import { RoundRecord } from './round-record';

// A local activity: the append runs in the worker that decided, inside the same workflow task,
// so a decision costs one workflow task and no activity-task round trip through the server (about
// half the history events and latency of a regular activity). A crash mid-append retries the task;
// the append is idempotent (ADR 9). No attempt limit: the decision is already taken, and retrying
// until the store answers is the only way to keep the audit record whole.
const { appendRoundEvents } = proxyLocalActivities<RoundActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
const { readRoundEvents } = proxyActivities<RoundActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * A run continues as new well inside Temporal's limits (10,240 history events, 2,000 updates per
 * run by default), or as soon as the server suggests it. Events per page when a new run folds its
 * state back from the store: a page stays far below the 2 MB payload limit.
 */
export const RUN_BUDGET = { historyEvents: 8_000, updates: 1_000, pageSize: 200 } as const;

const CLOCK_ACTOR = { id: 'selter-clock', role: 'system' } as const;

const isFinished = (state: RoundState): boolean => state.status === 'closed' || state.status === 'cancelled';

const policyOf = (state: RoundState) => (state.status === 'empty' ? undefined : getPolicy(state.policyId, DEFAULT_POLICIES));

/** Folds the stream back from the store up to the version the previous run reached. */
async function restore(record: RoundRecord, version: number): Promise<void> {
  while (record.state.version < version) {
    const page: RoundEvent[] = await readRoundEvents({
      streamId: record.streamId,
      afterVersion: record.state.version,
      limit: Math.min(RUN_BUDGET.pageSize, version - record.state.version),
    });
    // A plain Error fails the workflow task, which Temporal retries: the store may be catching up.
    if (page.length === 0) throw new Error(`${record.streamId}: store ends at ${record.state.version}, expected ${version}`);
    record.restore(page);
  }
}

/**
 * One selection round, from plan to the last inauguration. Every human decision arrives as an
 * Update, not a Signal: the caller must learn at once whether the rules accepted it (and why not),
 * and a refused decision must leave no trace in history. Queries let inboxes peek without deciding.
 * Deadlines are timers on the round's clock; when one passes, the round's clock issues the
 * domain's command for it (close or extend registration, remind, escalate): it never decides for a person.
 */
export async function selectionRound(input: RoundWorkflowInput): Promise<RoundOutcome> {
  const record = new RoundRecord(roundWorkflowId(input.agency, input.roundId), input.roundId, appendRoundEvents);
  const clock = new RoundClock(input.resume?.clock);
  // A continued run folds its state back from the store first. Handlers are registered at once (the
  // SDK rejects Updates that find none at the end of the first activation); an Update arriving in
  // that window is admitted and judged in its handler once the state is back: a refusal then fails
  // the Update with the same code, rule and reason, and appends nothing.
  let restoring = input.resume !== undefined;
  const restored = input.resume
    ? restore(record, input.resume.version).then(() => void (restoring = false))
    : Promise.resolve();

  let updatesThisRun = 0;
  let switching = false;
  for (const type of ROUND_COMMAND_TYPES) {
    setHandler(
      roundUpdate(type),
      async (command) => {
        if (restoring) await restored;
        updatesThisRun += 1;
        clock.observe(command.metadata.now);
        return record.accept(type, command);
      },
      {
        validator: (command) => {
          // Switching runs: refuse (nothing decided) so the handlers in flight can finish; the
          // caller sends the same decision again and it lands on the new run.
          if (switching) throw misdirected(SWITCHING_RUNS, 'the round is switching to a new run; send the decision again', { type });
          if (!restoring) record.validate(type, command);
        },
      },
    );
  }
  const settled = (): RoundState => {
    if (restoring) throw new Error(RESTORING);
    return record.state;
  };
  setHandler(roundStateQuery, settled);
  setHandler(awaitingQuery, () => awaitedDecisions(settled(), policyOf(record.state)));
  await restored;

  const runIsFull = (): boolean => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= RUN_BUDGET.historyEvents || updatesThisRun >= RUN_BUDGET.updates;
  };
  // A clock command the domain refused is not retried for that instant (it would loop); the refusal is logged.
  const refused = new Set<string>();
  const keyOf = (s: ScheduledCommand): string => `${s.at}|${s.type}|${JSON.stringify(s.data)}`;

  const alarm = new Alarm();
  while (!isFinished(record.state)) {
    if (runIsFull()) {
      switching = true;
      await condition(allHandlersFinished);
      const continuation = (input.resume?.continuation ?? 0) + 1;
      const clockAnchor = clock.snapshot;
      return continueAsNew<typeof selectionRound>({
        ...input,
        resume: { version: record.state.version, continuation, ...(clockAnchor ? { clock: clockAnchor } : {}) },
      });
    }
    const policy = policyOf(record.state);
    const next = clock.started && policy ? roundSchedule(record.state, policy).find((s) => !refused.has(keyOf(s))) : undefined;
    const waitMs = next ? time.instantMillis(next.at) - clock.nowMs() : undefined;
    if (next && waitMs !== undefined && waitMs <= 0) {
      const command = { type: next.type, data: next.data, metadata: { now: clock.now(), actor: CLOCK_ACTOR, correlationId: `clock:${keyOf(next)}` } };
      try {
        await record.accept(next.type, command as Parameters<RoundRecord['accept']>[1]);
      } catch (error) {
        if (!(error instanceof ApplicationFailure)) throw error;
        refused.add(keyOf(next));
        log.warn('the round clock was refused', { command: next.type, data: next.data, code: error.type, message: error.message });
      }
      continue;
    }
    const version = record.state.version;
    const rang = next && waitMs !== undefined ? alarm.arm(waitMs) : (alarm.disarm(), () => false);
    await condition(() => record.state.version !== version || runIsFull() || rang());
  }
  // The last decision's append may still be in flight: finish it before the run completes.
  await condition(allHandlersFinished);
  return { status: record.state.status, version: record.state.version };
}
