import { createRotationActivities, createRoundActivities } from '@selter/activities';
import {
  rotationWorkflowId,
  type RotationDecisionResult,
  type RotationWorkflowInput,
} from '@selter/contracts';
import {
  evolveRotation,
  initialRotationState,
  type RotationCommand,
  type RotationEvent,
  type RotationState,
} from '@selter/domain';
import { readStream } from '@selter/event-store';
import { testEndpoints, uniqueName } from '@selter/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Sql } from 'postgres';
import type { RoundHarness } from '../rounds/rounds.test-helper';

/** Runs `fn` while a worker of its own task queue serves rotations and the rounds they open. */
export async function withRotationWorker<T>(
  h: RoundHarness,
  fn: (taskQueue: string) => Promise<T>,
): Promise<T> {
  const taskQueue = uniqueName('rotations');
  const connection = await NativeConnection.connect({ address: testEndpoints().temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: h.bundle,
    activities: {
      ...createRoundActivities({ sql: h.sql }),
      ...createRotationActivities({ sql: h.sql }),
    },
  });
  try {
    return await worker.runUntil(fn(taskQueue));
  } finally {
    await connection.close();
  }
}

/** Starts (or joins: same business key) the rotation workflow of an agency. */
export function startRotation(
  h: RoundHarness,
  taskQueue: string,
  input: RotationWorkflowInput,
): Promise<WorkflowHandle> {
  return h.client.workflow.start('rotation', {
    taskQueue,
    workflowId: rotationWorkflowId(input.agency, input.rotationId),
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

/** Sends one rotation command as its Update and waits for the outcome. */
export function decideRotationRemotely(
  handle: WorkflowHandle,
  command: RotationCommand,
): Promise<RotationDecisionResult> {
  return handle.executeUpdate<RotationDecisionResult, [RotationCommand]>(command.type, { args: [command] });
}

/** Sends commands in order as Updates; returns every event the workflow said it produced. */
export async function sendRotation(
  handle: WorkflowHandle,
  commands: readonly RotationCommand[],
): Promise<RotationEvent[]> {
  const events: RotationEvent[] = [];
  for (const command of commands) events.push(...(await decideRotationRemotely(handle, command)).events);
  return events;
}

/** The rotation folded from the event store alone (replay equals state). */
export async function foldStoredRotation(sql: Sql, streamId: string): Promise<RotationState> {
  const stored = await readStream(sql, streamId);
  return stored
    .map((e) => ({ type: e.type, data: e.data, metadata: e.metadata }) as RotationEvent)
    .reduce(evolveRotation, initialRotationState());
}

/** Stops the rounds a test's rotation abandoned to run on: they would otherwise outlive the test. */
export async function terminateAll(h: RoundHarness, workflowIds: readonly string[]): Promise<void> {
  await Promise.all(workflowIds.map((id) => h.client.workflow.getHandle(id).terminate('test over')));
}
