import {
  roundStateQuery,
  roundWorkflowId,
  type DecisionResult,
  type RoundWorkflowInput,
} from '@selter/contracts';
import { createRoundActivities } from '@selter/activities';
import { evolve, initialState, type RoundCommand, type RoundEvent, type RoundState } from '@selter/domain';
import { command, planOfPosts, RoundBuilder } from '@selter/domain/testing';
import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate, readStream } from '@selter/event-store';
import { createTestDatabase, sendThroughRunSwitch, testEndpoints, uniqueName } from '@selter/testing';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import postgres, { type Sql } from 'postgres';
import { findStuckRounds, rebuildRound } from './rounds';

const send = (handle: WorkflowHandle, command: RoundCommand): Promise<DecisionResult> =>
  sendThroughRunSwitch(() =>
    handle.executeUpdate<DecisionResult, [RoundCommand]>(command.type, { args: [command] }),
  );

async function foldStored(sql: Sql, streamId: string): Promise<RoundState> {
  return (await readStream(sql, streamId))
    .map((e) => ({ type: e.type, data: e.data, metadata: e.metadata }) as RoundEvent)
    .reduce(evolve, initialState());
}

describe('the operator finds a stuck round and rebuilds it from the event store', () => {
  let sql: Sql;
  let drop: () => Promise<void>;
  let connection: Connection;
  let client: Client;
  beforeAll(async () => {
    const db = await createTestDatabase('ops');
    drop = db.drop;
    sql = postgres(db.url, { max: 4, onnotice: () => undefined });
    await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
    connection = await Connection.connect({ address: testEndpoints().temporalAddress });
    client = new Client({ connection });
  });
  afterAll(async () => {
    await connection?.close();
    await sql?.end();
    await drop?.();
  });

  it('lists the round whose workflow cannot fold its stream, rebuilds it, and the round takes decisions again', async () => {
    const taskQueue = uniqueName('ops');
    const workerConnection = await NativeConnection.connect({ address: testEndpoints().temporalAddress });
    const worker = await Worker.create({
      connection: workerConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({
        workflowsPath: require.resolve('@selter/workflows'),
        logger: new DefaultLogger('WARN'),
      }),
      activities: createRoundActivities({ sql }),
    });
    await worker.runUntil(async () => {
      const agency = uniqueName('agency').replace(/-/g, '_');
      const b = new RoundBuilder(planOfPosts(1)).announce();
      b.register('post-01', 3);
      const commands = b.take();
      // A healthy round, and the same decisions stored for the round that will be stuck.
      const healthy = await client.workflow.start('selectionRound', {
        taskQueue,
        workflowId: roundWorkflowId(agency, 'healthy'),
        args: [{ agency, roundId: 'healthy' }],
      });
      const stuckId = roundWorkflowId(agency, 'stuck');
      const first = await client.workflow.start('selectionRound', {
        taskQueue,
        workflowId: stuckId,
        args: [{ agency, roundId: 'stuck' }],
      });
      const routed = (command: RoundCommand, roundId: string): RoundCommand =>
        command.type === 'PlanRound' ? { ...command, data: { ...command.data, roundId } } : command;
      for (const command of commands) {
        await send(healthy, routed(command, 'healthy'));
        await send(first, routed(command, 'stuck'));
      }
      await first.terminate('the test replaces this run');
      // A run told to resume from a version the stream never reached: it can never fold its state,
      // its workflow task fails again and again (as after a bad deploy, or a store that lost events).
      const broken: RoundWorkflowInput = {
        agency,
        roundId: 'stuck',
        resume: { version: commands.length + 5, continuation: 1 },
      };
      await client.workflow.start('selectionRound', {
        taskQueue,
        workflowId: stuckId,
        args: [broken],
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });

      let stuck = await findStuckRounds(client, sql, { minTaskAttempts: 2, queryTimeoutMs: 2_000, agency });
      for (
        let i = 0;
        i < 30 &&
        !stuck.some(
          (s) => s.workflowId === stuckId && s.reasons.some((r) => r.includes('workflow task failed')),
        );
        i += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        stuck = await findStuckRounds(client, sql, { minTaskAttempts: 2, queryTimeoutMs: 2_000, agency });
      }
      const mine = stuck.filter((s) => s.workflowId.includes(agency));
      expect(mine.map((s) => s.workflowId)).toEqual([stuckId]);
      expect(mine[0]).toMatchObject({
        storeVersion: commands.length,
        reasons: expect.arrayContaining([
          expect.stringContaining('workflow task failed'),
          expect.stringContaining('state Query fails'),
        ]),
      });

      const rebuilt = await rebuildRound(client, sql, {
        workflowId: stuckId,
        taskQueue,
        reason: 'test: resumed past the end of its stream',
      });
      expect(rebuilt.version).toBe(commands.length);
      const handle = client.workflow.getHandle(stuckId);
      // The rebuilt run folded the stream; its clock runs on from the last record (now, for a round dated
      // 2024: the round's clock closes registration at once), so its state is the store's, whatever it holds.
      const state = await handle.query(roundStateQuery);
      expect(state.version).toBeGreaterThanOrEqual(commands.length);
      expect(state).toEqual(JSON.parse(JSON.stringify(await foldStored(sql, stuckId))));
      // The rebuilt round takes the next decision, and nothing is stuck any more.
      const cancel = command('CancelRound', { reason: 'uji pemulihan / recovery test' }, '2024-10-01');
      expect((await send(handle, cancel)).events.map((e) => e.type)).toEqual(['RoundCancelled']);
      expect(
        (await findStuckRounds(client, sql, { minTaskAttempts: 2, agency })).filter((s) =>
          s.workflowId.includes(agency),
        ),
      ).toEqual([]);
      await healthy.terminate('test over');
    });
    await workerConnection.close();
  }, 120_000);
});
