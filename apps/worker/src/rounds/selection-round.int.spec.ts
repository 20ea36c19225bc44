import { awaitingQuery, roundStateQuery, type DecisionRefusal } from '@selter/contracts';
import type { RoundCommand } from '@selter/domain';
import { command, planOfPosts } from '@selter/domain/testing';
import { readStream } from '@selter/event-store';
import { uniqueName } from '@selter/testing';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import {
  decideRemotely,
  committedHistories,
  foldStored,
  keepHistory,
  RecordingBuilder,
  roundHarness,
  sendAll,
  startRound,
  withRoundWorker,
  type RoundHarness,
} from './rounds.test-helper';
import { SCENARIOS } from './scenarios.test-helper';

/** A one-post round driven locally up to the announced shortlist; its commands are replayed as Updates. */
function shortlistedRound(applicants = 6): { b: RecordingBuilder; commands: RoundCommand[] } {
  const b = new RecordingBuilder(planOfPosts(1)).announce();
  b.register('post-01', applicants).closeAll().verify().stages().shortlist('post-01');
  return { b, commands: b.take() };
}

async function refusalOf(
  promise: Promise<unknown>,
): Promise<{ type: string | undefined; refusal: DecisionRefusal }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  const failure = cause as ApplicationFailure;
  return { type: failure.type ?? undefined, refusal: failure.details?.[0] as DecisionRefusal };
}

async function acceptedUpdates(handle: WorkflowHandle): Promise<number> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
}

describe('selectionRound workflow (real Temporal, real PostgreSQL)', () => {
  let h: RoundHarness;
  beforeAll(async () => (h = await roundHarness()));
  afterAll(() => h.close());

  it('runs a round end to end through Updates; the store folds to the queried state', async () => {
    await withRoundWorker(h, async (taskQueue) => {
      const handle = await startRound(h, taskQueue);
      const { b, commands } = shortlistedRound();
      expect(await handle.query(awaitingQuery)).toEqual([{ role: 'operator', command: 'PlanRound' }]);
      await sendAll(handle, commands);
      expect(await handle.query(awaitingQuery)).toEqual([
        expect.objectContaining({
          role: 'ppk',
          command: 'ChooseAppointee',
          postId: 'post-01',
          serviceLevelDays: 14,
          reminders: 0,
          escalated: false,
        }),
      ]);

      b.appoint('post-01').run(b.inaugurateCommand('post-01'));
      const last = await sendAll(handle, b.take());
      expect(last.map((e) => e.type).slice(-2)).toEqual(['AppointeeInaugurated', 'RoundClosed']);
      expect(await handle.result()).toEqual({ status: 'closed', version: b.stream.events.length });

      const state = await handle.query(roundStateQuery);
      expect(state).toEqual(JSON.parse(JSON.stringify(b.stream.state)));
      expect(await foldStored(h.sql, handle.workflowId)).toEqual(state);
      await keepHistory(handle, 'round-one-post-to-inauguration');
    });
  });

  it('starting a round that already runs joins it instead of failing', async () => {
    await withRoundWorker(h, async (taskQueue) => {
      const agency = uniqueName('agency');
      const first = await startRound(h, taskQueue, agency);
      const again = await startRound(h, taskQueue, agency);
      expect(again.workflowId).toBe(first.workflowId);
      expect(await again.describe().then((d) => d.runId)).toBe(await first.describe().then((d) => d.runId));
      await sendAll(again, new RecordingBuilder(planOfPosts(1)).take());
      await decideRemotely(again, command('CancelRound', { reason: 'test over' }, '2024-09-03'));
      expect(await first.result()).toMatchObject({ status: 'cancelled' });
      await keepHistory(first, 'round-joined-then-cancelled');
    });
  });

  it('refuses a PPK choice outside the shortlist with the domain code, rule and reason, and keeps it out of history', async () => {
    await withRoundWorker(h, async (taskQueue) => {
      const handle = await startRound(h, taskQueue);
      const { b, commands } = shortlistedRound();
      await sendAll(handle, commands);
      const outsider = b.round.posts['post-01']?.applicants.find(
        (a) => !b.best('post-01').includes(a.applicantId),
      );
      const choice = command(
        'ChooseAppointee',
        { postId: 'post-01', applicantId: outsider?.applicantId ?? '' },
        b.day(60),
        'ppk',
      );

      const { type, refusal } = await refusalOf(decideRemotely(handle, choice));
      expect(type).toBe('POST.NOT_A_FINALIST');
      expect(refusal).toMatchObject({ code: 'POST.NOT_A_FINALIST', ruleId: 'R23' });
      expect(refusal.reason.id.length).toBeGreaterThan(0);
      expect(await acceptedUpdates(handle)).toBe(commands.length);
      expect(await foldStored(h.sql, handle.workflowId)).toEqual(await handle.query(roundStateQuery));
    });
  });

  it('accepts exactly one of two PPK choices for the same post sent at once', async () => {
    await withRoundWorker(h, async (taskQueue) => {
      const handle = await startRound(h, taskQueue);
      const { b, commands } = shortlistedRound();
      await sendAll(handle, commands);
      const [first, second] = b.best('post-01');
      const choose = (applicantId = '') =>
        command('ChooseAppointee', { postId: 'post-01', applicantId }, b.day(60), 'ppk');

      const outcomes = await Promise.allSettled([
        decideRemotely(handle, choose(first)),
        decideRemotely(handle, choose(second)),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.find((o) => o.status === 'rejected');
      expect(rejected?.reason).toBeInstanceOf(WorkflowUpdateFailedError);
      const state = await handle.query(roundStateQuery);
      expect(state.status === 'announced' && state.posts['post-01']?.status).toBe('chosen');
      expect(await foldStored(h.sql, handle.workflowId)).toEqual(state);
      await decideRemotely(handle, command('CancelRound', { reason: 'test over' }, b.day(61)));
      await handle.result();
      await keepHistory(handle, 'round-concurrent-ppk-choices');
    });
  });

  it.each(Object.entries(SCENARIOS))(
    'runs the scenario %s; the store folds to the queried state',
    async (name, script) => {
      await withRoundWorker(h, async (taskQueue) => {
        const handle = await startRound(h, taskQueue);
        const b = script();
        await sendAll(handle, b.take());
        const state = await handle.query(roundStateQuery);
        expect(state).toEqual(JSON.parse(JSON.stringify(b.stream.state)));
        expect(await foldStored(h.sql, handle.workflowId)).toEqual(state);
        if (state.status !== 'closed')
          await decideRemotely(handle, command('CancelRound', { reason: 'scenario over' }, '2024-12-01'));
        expect(await handle.result()).toMatchObject({
          status: state.status === 'closed' ? 'closed' : 'cancelled',
        });
        if (name.startsWith('R7')) {
          const refused = (await readStream(h.sql, handle.workflowId)).filter((e) => e.metadata['ruleIds']);
          expect(refused.map((e) => [e.type, e.metadata['ruleIds']])).toEqual(
            Array(6).fill(['AdministrativeVerdictRecorded', ['R7']]),
          );
        }
        if (name.startsWith('R22')) await keepHistory(handle, 'round-pemalang-rerun');
      });
    },
  );

  it('replays every committed history with the current workflow code (determinism guard)', async () => {
    const histories = committedHistories();
    expect(histories.map((h) => h.workflowId.split('-')[0])).toEqual(
      expect.arrayContaining(['round', 'rotation']),
    );
    expect(histories.length).toBeGreaterThanOrEqual(6);
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: h.bundle }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failures).toEqual([]);
  });
});
