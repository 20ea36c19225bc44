import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRoundActivities } from '@selter/activities';
import { roundWorkflowId, type DecisionResult, type RoundWorkflowInput } from '@selter/contracts';
import { evolve, initialState, type RoundCommand, type RoundEvent, type RoundState } from '@selter/domain';
import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate, readStream } from '@selter/event-store';
import { createTestDatabase, sendThroughRunSwitch, testEndpoints, uniqueName } from '@selter/testing';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import postgres, { type Sql } from 'postgres';
import { bundleWorkflows } from '../bundle';

/** Engines for one test file: a migrated event store, a Temporal client, the workflow bundle (built once). */
export interface RoundHarness {
  /** The Temporal server: the run's dev server, or a test's own (time-skipping, lowered limits). */
  address: string;
  connection: Connection;
  /** The harness's own event-store database (for workers in other processes). */
  databaseUrl: string;
  sql: Sql;
  client: Client;
  bundle: WorkflowBundleWithSourceMap;
  close(): Promise<void>;
}

export async function roundHarness(
  address = testEndpoints().temporalAddress,
  connect: (address: string) => Promise<Connection> = (a) => Connection.connect({ address: a }),
): Promise<RoundHarness> {
  const db = await createTestDatabase('rounds');
  const sql = postgres(db.url, { max: 5, onnotice: () => undefined });
  await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
  const connection = await connect(address);
  const bundle = await bundleWorkflows();
  return {
    address,
    connection,
    databaseUrl: db.url,
    sql,
    client: new Client({ connection }),
    bundle,
    close: async () => {
      await connection.close();
      await sql.end();
      await db.drop();
    },
  };
}

/** Runs `fn` while a worker polls a task queue of its own, then drains the worker. */
export async function withRoundWorker<T>(h: RoundHarness, fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = uniqueName('rounds');
  const connection = await NativeConnection.connect({ address: h.address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: h.bundle,
    activities: createRoundActivities({ sql: h.sql }),
  });
  try {
    return await worker.runUntil(fn(taskQueue));
  } finally {
    await connection.close();
  }
}

/** Starts (or joins: same business key) the round workflow of a fresh agency. */
export async function startRound(
  h: RoundHarness,
  taskQueue: string,
  agency = uniqueName('agency'),
): Promise<WorkflowHandle> {
  const input: RoundWorkflowInput = { agency, roundId: 'round-1' };
  return h.client.workflow.start('selectionRound', {
    taskQueue,
    workflowId: roundWorkflowId(agency, input.roundId),
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

/** Sends one command as its Update and waits for the outcome. */
export function decideRemotely(handle: WorkflowHandle, command: RoundCommand): Promise<DecisionResult> {
  return sendThroughRunSwitch(() =>
    handle.executeUpdate<DecisionResult, [RoundCommand]>(command.type, { args: [command] }),
  );
}

/** The domain's RoundBuilder records every command it runs (`take()`), to send them again as Updates. */
export { RoundBuilder as RecordingBuilder } from '@selter/domain/testing';

/** Sends commands in order as Updates; returns every event the workflow said it produced. */
export async function sendAll(
  handle: WorkflowHandle,
  commands: readonly RoundCommand[],
): Promise<RoundEvent[]> {
  const events: RoundEvent[] = [];
  for (const command of commands) events.push(...(await decideRemotely(handle, command)).events);
  return events;
}

/** The round folded from the event store alone (issue 6.7: replay equals state). */
export async function foldStored(sql: Sql, streamId: string): Promise<RoundState> {
  const stored = await readStream(sql, streamId);
  return stored
    .map((e) => ({ type: e.type, data: e.data, metadata: e.metadata }) as RoundEvent)
    .reduce(evolve, initialState());
}

/** Recorded histories live beside the workflows they guard: workflows/histories/. */
const HISTORIES = join(dirname(require.resolve('@selter/workflows')), '../histories');
// The SDK's historyToJSON/historyFromJSON fail here ("type must be a Type"): npm installed two copies
// of protobufjs 8 (under @temporalio/common and @temporalio/proto). The generated class's own
// proto3-JSON (enum names, string longs, base64 bytes) is the same format and needs neither.
const HistoryProto = temporal.api.history.v1.History;

/**
 * With RECORD_HISTORIES=1, saves a finished run's history under workflows/histories/ (committed),
 * where the replay test checks that today's workflow code still makes the same decisions.
 */
export async function keepHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env['RECORD_HISTORIES'] !== '1') return;
  mkdirSync(HISTORIES, { recursive: true });
  const json = HistoryProto.fromObject(await handle.fetchHistory()).toJSON();
  writeFileSync(join(HISTORIES, `${name}.json`), `${JSON.stringify(json, null, 1)}\n`);
}

/** Every committed history, as the replayer takes them. */
export function committedHistories(): { workflowId: string; history: unknown }[] {
  return readdirSync(HISTORIES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({
      workflowId: f.replace(/\.json$/, ''),
      history: HistoryProto.fromObject(
        JSON.parse(readFileSync(join(HISTORIES, f), 'utf8')) as Record<string, unknown>,
      ),
    }));
}
