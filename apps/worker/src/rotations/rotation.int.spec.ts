import {
  openRoundIdOf,
  openRoundsQuery,
  rotationAwaitingQuery,
  rotationStateQuery,
  roundWorkflowId,
  type DecisionRefusal,
  type RotationOutcome,
} from '@selter/contracts';
import { readStream } from '@selter/event-store';
import { uniqueName } from '@selter/testing';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { keepHistory, roundHarness, type RoundHarness } from '../rounds/rounds.test-helper';
import {
  decideLocally,
  oneYearPandemic,
  planRotation,
  recommend,
  rotationCommand,
  twoToFiveYears,
} from './rotation-scenarios.test-helper';
import {
  decideRotationRemotely,
  foldStoredRotation,
  sendRotation,
  startRotation,
  terminateAll,
  withRotationWorker,
} from './rotations.test-helper';

const ROTATION_ID = 'rot-1';

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

const expectedRoundIds = (agency: string, postIds: readonly string[]): string[] =>
  postIds.map((postId) => roundWorkflowId(agency, openRoundIdOf(ROTATION_ID, postId)));

async function statusOf(
  h: RoundHarness,
  workflowId: string,
): Promise<{ type: string; status: string | undefined }> {
  const d = await h.client.workflow.getHandle(workflowId).describe();
  return { type: d.type, status: d.status.name };
}

describe('rotation workflow (real Temporal, real PostgreSQL)', () => {
  let h: RoundHarness;
  beforeAll(async () => (h = await roundHarness()));
  afterAll(() => h.close());

  it.each([
    ['2-5 year rule (kasn-2019)', twoToFiveYears, 10, ['p10', 'p11', 'p12', 'p13', 'p14', 'p15']],
    ['1-year pandemic rule (SE 52/2020)', oneYearPandemic, 14, ['p15']],
  ] as const)(
    'runs the 14-incumbent rotation under the %s end to end; unfilled posts get open rounds; the store folds to the state',
    async (_name, script, eligible, unfilled) => {
      await withRotationWorker(h, async (taskQueue) => {
        const agency = uniqueName('agency');
        const handle = await startRotation(h, taskQueue, { agency, rotationId: ROTATION_ID });
        const commands = script(ROTATION_ID, agency);
        const local = decideLocally(commands);
        expect(await handle.query(rotationAwaitingQuery)).toEqual([
          { role: 'operator', command: 'PlanRotation' },
        ]);

        const [planned] = await sendRotation(handle, commands.slice(0, 1));
        expect(planned?.type === 'RotationPlanned' && planned.data.eligible).toHaveLength(eligible);
        expect(await handle.query(rotationAwaitingQuery)).toEqual([
          { role: 'oversight', command: 'RecordRotationRecommendation' },
        ]);
        const events = [planned, ...(await sendRotation(handle, commands.slice(1)))];
        expect(events.map((e) => e?.type)).toEqual(local.events.map((e) => e.type));

        const roundIds = expectedRoundIds(agency, unfilled);
        const outcome: RotationOutcome = await handle.result();
        expect(outcome).toEqual({
          status: 'decreed',
          version: local.events.length,
          openRounds: unfilled.map((postId, i) => ({ postId, workflowId: roundIds[i], started: true })),
        });
        const state = await handle.query(rotationStateQuery);
        expect(state).toEqual(JSON.parse(JSON.stringify(local.state)));
        expect(await foldStoredRotation(h.sql, handle.workflowId)).toEqual(state);
        expect(await handle.query(rotationAwaitingQuery)).toEqual([]);

        for (const id of roundIds)
          expect(await statusOf(h, id)).toEqual({ type: 'selectionRound', status: 'RUNNING' });
        await terminateAll(h, roundIds);
        // Determinism: the finished run (Updates, appends, child starts) replays with today's code,
        // and is kept under workflows/histories/ for every later run to replay (RECORD_HISTORIES=1).
        await Worker.runReplayHistory(
          { workflowBundle: h.bundle },
          await handle.fetchHistory(),
          handle.workflowId,
        );
        await keepHistory(
          handle,
          `rotation-14-incumbents-${eligible === 14 ? 'one-year-rule' : 'two-to-five-years'}`,
        );
      });
    },
  );

  it('stores the audit metadata of rounds: actor, role, the workflow run and the rules named', async () => {
    await withRotationWorker(h, async (taskQueue) => {
      const agency = uniqueName('agency');
      const handle = await startRotation(h, taskQueue, { agency, rotationId: ROTATION_ID });
      await sendRotation(handle, [planRotation(ROTATION_ID, agency, 'kasn-2019')]);
      const [stored] = await readStream(h.sql, handle.workflowId);
      const runId = (await handle.describe()).runId;
      expect(stored?.metadata).toMatchObject({
        actor: { role: 'operator' },
        role: 'operator',
        workflowId: handle.workflowId,
        runId,
        ruleIds: ['R31'],
      });
      await handle.terminate('test over');
    });
  });

  it('refuses test results for an incumbent ineligible by tenure (R31) and keeps it out of history', async () => {
    await withRotationWorker(h, async (taskQueue) => {
      const agency = uniqueName('agency');
      const handle = await startRotation(h, taskQueue, { agency, rotationId: ROTATION_ID });
      const accepted = [planRotation(ROTATION_ID, agency, 'kasn-2019'), recommend()];
      await sendRotation(handle, accepted);
      const tests = rotationCommand('RecordRotationTests', { results: [{ nip: 'n12', score: 80 }] });

      const { type, refusal } = await refusalOf(decideRotationRemotely(handle, tests));
      expect(type).toBe('ROTATION.NOT_ELIGIBLE');
      expect(refusal).toMatchObject({
        code: 'ROTATION.NOT_ELIGIBLE',
        ruleId: 'R31',
        details: { nip: 'n12' },
      });
      expect(refusal.reason.id.length).toBeGreaterThan(0);
      expect(await acceptedUpdates(handle)).toBe(accepted.length);
      const state = await handle.query(rotationStateQuery);
      expect(state).toMatchObject({ status: 'recommended', version: 2 });
      expect(await foldStoredRotation(h.sql, handle.workflowId)).toEqual(state);
      await handle.terminate('test over');
    });
  });

  it('refuses a plan for another rotation id sent to this workflow', async () => {
    await withRotationWorker(h, async (taskQueue) => {
      const agency = uniqueName('agency');
      const handle = await startRotation(h, taskQueue, { agency, rotationId: ROTATION_ID });
      const { type } = await refusalOf(
        decideRotationRemotely(handle, planRotation('rot-2', agency, 'kasn-2019')),
      );
      expect(type).toBe('ROTATION.WRONG_WORKFLOW');
      expect(await readStream(h.sql, handle.workflowId)).toEqual([]);
      await handle.terminate('test over');
    });
  });

  it('joins an open round that already runs for a post instead of failing, and a second start joins the rotation', async () => {
    await withRotationWorker(h, async (taskQueue) => {
      const agency = uniqueName('agency');
      const input = { agency, rotationId: ROTATION_ID };
      const handle = await startRotation(h, taskQueue, input);
      const again = await startRotation(h, taskQueue, input);
      expect((await again.describe()).runId).toBe((await handle.describe()).runId);

      const [existingId = ''] = expectedRoundIds(agency, ['p15']);
      const existing = await h.client.workflow.start('selectionRound', {
        taskQueue,
        workflowId: existingId,
        args: [{ agency, roundId: openRoundIdOf(ROTATION_ID, 'p15') }],
      });
      await sendRotation(again, oneYearPandemic(ROTATION_ID, agency));
      const outcome: RotationOutcome = await handle.result();
      expect(outcome.openRounds).toEqual([{ postId: 'p15', workflowId: existingId, started: false }]);
      expect(await handle.query(openRoundsQuery)).toEqual(outcome.openRounds);
      expect((await h.client.workflow.getHandle(existingId).describe()).runId).toBe(
        existing.firstExecutionRunId,
      );
      expect(await statusOf(h, existingId)).toEqual({ type: 'selectionRound', status: 'RUNNING' });
      await terminateAll(h, [existingId]);
    });
  });
});
