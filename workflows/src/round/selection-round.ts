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
import {
  awaitedDecisions,
  DEFAULT_POLICIES,
  getPolicy,
  roundSchedule,
  time,
  type RoundState,
  type ScheduledCommand,
} from '@selter/domain';
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { Alarm } from './alarm';
import { RoundClock } from './round-clock';
import { misdirected } from './refusal';
import { RoundRecord } from './round-record';
import { DecisionLedger } from '../decision-ledger';

// Local activities: a batch of decisions costs one workflow task and no activity-task round trip
// through the server (about half the history events and latency of a regular activity). A task
// Temporal discards after the append committed is safe (ADR 16): event ids derive from decisions,
// and the retried task finds the stream `behind` and folds it. Transient store failures retry
// without limit (a decision already admitted is recorded or refused, never dropped), but a backoff
// past `localRetryThreshold` becomes a durable timer, so a round waiting on its store gives back
// its workflow-task slot to every other round (isolation, ADR 16). Permanent refusals are not
// errors but a `rejected` outcome: the decision fails with EVENT_STORE.REJECTED, the round goes on.
const { recordRoundDecisions, readRoundEvents } = proxyLocalActivities<RoundActivities>({
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '2 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/**
 * A run continues as new well inside Temporal's limits (10,240 history events, 2,000 updates per
 * run by default), or as soon as the server suggests it.
 */
export const RUN_BUDGET = { historyEvents: 8_000, updates: 1_000 } as const;

const CLOCK_ACTOR = { id: 'selter-clock', role: 'system' } as const;

const isFinished = (state: RoundState): boolean => state.status === 'closed' || state.status === 'cancelled';

const policyOf = (state: RoundState) =>
  state.status === 'empty' ? undefined : getPolicy(state.policyId, DEFAULT_POLICIES);

/**
 * One selection round, from plan to the last inauguration. Every human decision arrives as an
 * Update, not a Signal: the caller must learn at once whether the rules accepted it (and why not),
 * and a refused decision must leave no trace in history. Queries let inboxes peek without deciding.
 * Deadlines are timers on the round's clock; when one passes, the round's clock issues the
 * domain's command for it (close or extend registration, remind, escalate): it never decides for a person.
 */
export async function selectionRound(input: RoundWorkflowInput): Promise<RoundOutcome> {
  const record = new RoundRecord(roundWorkflowId(input.agency, input.roundId), input.roundId, {
    recordRoundDecisions,
    readRoundEvents,
  });
  const clock = new RoundClock(input.resume?.clock);
  // A continued run folds its state back from the store first. Handlers are registered at once (the
  // SDK rejects Updates that find none at the end of the first activation); decisions arriving in
  // that window wait in the ledger's queue and are decided once the state is back.
  let restoring = input.resume !== undefined;
  const restored = input.resume
    ? record.restore(input.resume.version).then(() => void (restoring = false))
    : Promise.resolve();

  let updatesThisRun = 0;
  let switching = false;
  for (const type of ROUND_COMMAND_TYPES) {
    setHandler(
      roundUpdate(type),
      (command) => {
        updatesThisRun += 1;
        clock.observe(command.metadata.now);
        return record.submit(DecisionLedger.decisionIdOf(command.metadata.correlationId), command);
      },
      {
        validator: (command) => {
          // Switching runs: refuse (nothing decided) so the handlers in flight can finish; the
          // caller sends the same decision again and it lands on the new run.
          if (switching)
            throw misdirected(
              SWITCHING_RUNS,
              'the round is switching to a new run; send the decision again',
              { type },
            );
          if (!restoring) record.check(type, command);
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
    return (
      info.continueAsNewSuggested ||
      info.historyLength >= RUN_BUDGET.historyEvents ||
      updatesThisRun >= RUN_BUDGET.updates
    );
  };
  // A clock command the domain refused is not retried for that instant (it would loop); the refusal is logged.
  const refused = new Set<string>();
  const keyOf = (s: ScheduledCommand): string => `${s.at}|${s.type}|${JSON.stringify(s.data)}`;

  const alarm = new Alarm();
  while (!isFinished(record.state)) {
    if (runIsFull()) {
      switching = true;
      await condition(() => record.idle && allHandlersFinished());
      const continuation = (input.resume?.continuation ?? 0) + 1;
      const clockAnchor = clock.snapshot;
      return continueAsNew<typeof selectionRound>({
        ...input,
        resume: {
          version: record.state.version,
          continuation,
          ...(clockAnchor ? { clock: clockAnchor } : {}),
        },
      });
    }
    const policy = policyOf(record.state);
    const next =
      clock.started && policy
        ? roundSchedule(record.state, policy).find((s) => !refused.has(keyOf(s)))
        : undefined;
    const waitMs = next ? time.instantMillis(next.at) - clock.nowMs() : undefined;
    if (next && waitMs !== undefined && waitMs <= 0) {
      const command = {
        type: next.type,
        data: next.data,
        metadata: { now: clock.now(), actor: CLOCK_ACTOR, correlationId: `clock:${keyOf(next)}` },
      };
      try {
        await record.submit(command.metadata.correlationId, command as Parameters<RoundRecord['submit']>[1]);
      } catch (error) {
        if (!(error instanceof ApplicationFailure)) throw error;
        refused.add(keyOf(next));
        log.warn('the round clock was refused', {
          command: next.type,
          data: next.data,
          code: error.type,
          message: error.message,
        });
      }
      continue;
    }
    const version = record.state.version;
    const rang = next && waitMs !== undefined ? alarm.arm(waitMs) : (alarm.disarm(), () => false);
    await condition(() => record.state.version !== version || runIsFull() || rang());
  }
  // Decisions may still wait to be recorded (or refused): finish them before the run completes.
  await condition(() => record.idle && allHandlersFinished());
  return { status: record.state.status, version: record.state.version };
}
