import {
  ANNOUNCEMENT_CONTENT_PATCH,
  awaitingQuery,
  CALENDARS_AS_DATA_PATCH,
  RESTORING,
  ROUND_COMMAND_TYPES,
  SWITCHING_RUNS,
  roundStateQuery,
  roundUpdate,
  roundWorkflowId,
  type ClockAlarm,
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
  type RoundCalendar,
  type RoundState,
  type ScheduledCommand,
} from '@selter/domain';
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  patched,
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
const { recordRoundDecisions, readRoundEvents, loadRoundCalendar } = proxyLocalActivities<RoundActivities>({
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

/** How often a round whose clock raised a calendar alarm reads the calendar again (ADR 24). */
export const CALENDAR_RECHECK_MS = 6 * 3_600_000;
const CALENDAR_YEAR_MISSING = 'CALENDAR.YEAR_MISSING';

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
  // R6 (ADR 35): announcements carry the stage schedule and media; histories from before replay as decided.
  const announcementContentOptional = !patched(ANNOUNCEMENT_CONTENT_PATCH);
  const record = new RoundRecord(
    roundWorkflowId(input.agency, input.roundId),
    input.roundId,
    { recordRoundDecisions, readRoundEvents },
    { announcementContentOptional },
  );
  const clock = new RoundClock(input.resume?.clock);
  // Calendars as data (ADR 24): a round counts working days with its agency's calendar, read by an
  // activity (its result in the history pins it for replay) and carried into each new run, and keeps
  // its deadlines in the agency's zone. Histories from before replay as they were (the policy's
  // holiday list, WIB).
  const calendarsAsData = patched(CALENDARS_AS_DATA_PATCH);
  let calendar: RoundCalendar | undefined = calendarsAsData ? input.resume?.calendar : undefined;
  if (calendar) record.useCalendar(calendar);
  const loadCalendar = async (): Promise<void> => {
    calendar = await loadRoundCalendar({ agency: input.agency });
    record.useCalendar(calendar);
  };
  // A continued run folds its state back from the store first. Handlers are registered at once (the
  // SDK rejects Updates that find none at the end of the first activation); decisions arriving in
  // that window wait in the ledger's queue and are decided once the state (and calendar) is back.
  const needsCalendar = calendarsAsData && calendar === undefined;
  let restoring = input.resume !== undefined || needsCalendar;
  const restored = !calendarsAsData
    ? input.resume
      ? record.restore(input.resume.version).then(() => void (restoring = false))
      : Promise.resolve()
    : record
        .holdUntil(
          (async () => {
            if (needsCalendar) await loadCalendar();
            if (input.resume) await record.restore(input.resume.version);
          })(),
        )
        .then(() => void (restoring = false));
  // The clock's open alarms by scheduled command: shown on the post's awaited decision (the inbox).
  const alarms = new Map<string, ClockAlarm & { postId?: string }>();
  let recheckAtMs = 0;

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
  setHandler(awaitingQuery, () => {
    const awaited = awaitedDecisions(settled(), policyOf(record.state));
    if (alarms.size === 0) return awaited;
    return awaited.map((a) => {
      const alarm = [...alarms.values()].find(
        (x) => x.postId === a.postId && a.command === 'CloseRegistration',
      );
      if (!alarm) return a;
      const { postId: _postId, ...shown } = alarm;
      return { ...a, alarm: shown };
    });
  });
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
          ...(calendar ? { calendar } : {}),
        },
      });
    }
    // An alarm stays until the calendar covers the year: every few hours the round reads the
    // calendar again and lets its clock retry the refused command.
    if (alarms.size > 0 && clock.nowMs() >= recheckAtMs) {
      await loadCalendar();
      for (const key of alarms.keys()) refused.delete(key);
      recheckAtMs = clock.nowMs() + CALENDAR_RECHECK_MS;
    }
    const policy = policyOf(record.state);
    const next =
      clock.started && policy
        ? roundSchedule(record.state, policy, calendar?.offset).find((s) => !refused.has(keyOf(s)))
        : undefined;
    const dueInMs = next ? time.instantMillis(next.at) - clock.nowMs() : undefined;
    const waitMs =
      alarms.size > 0 ? Math.min(dueInMs ?? Number.POSITIVE_INFINITY, recheckAtMs - clock.nowMs()) : dueInMs;
    if (next && dueInMs !== undefined && dueInMs <= 0) {
      // The clock counts with the calendar as it is now (an added regional holiday applies at once).
      if (calendarsAsData) await loadCalendar();
      const command = {
        type: next.type,
        data: next.data,
        metadata: { now: clock.now(), actor: CLOCK_ACTOR, correlationId: `clock:${keyOf(next)}` },
      };
      try {
        await record.submit(command.metadata.correlationId, command as Parameters<RoundRecord['submit']>[1]);
        alarms.delete(keyOf(next));
      } catch (error) {
        if (!(error instanceof ApplicationFailure)) throw error;
        refused.add(keyOf(next));
        if (calendarsAsData && error.type === CALENDAR_YEAR_MISSING) {
          // Never close early, never guess: the round waits and says why in the inbox.
          const year = (error.details?.[0] as { details?: { year?: number } } | undefined)?.details?.year;
          const since = alarms.get(keyOf(next))?.since ?? clock.now();
          const postId = 'postId' in next.data ? next.data.postId : undefined;
          alarms.set(keyOf(next), {
            code: CALENDAR_YEAR_MISSING,
            ...(year !== undefined ? { year } : {}),
            command: next.type,
            since,
            ...(postId !== undefined ? { postId } : {}),
          });
          recheckAtMs = clock.nowMs() + CALENDAR_RECHECK_MS;
        }
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
    const rang =
      waitMs !== undefined && Number.isFinite(waitMs) ? alarm.arm(waitMs) : (alarm.disarm(), () => false);
    await condition(() => record.state.version !== version || runIsFull() || rang());
  }
  // Decisions may still wait to be recorded (or refused): finish them before the run completes.
  await condition(() => record.idle && allHandlersFinished());
  return { status: record.state.status, version: record.state.version };
}
