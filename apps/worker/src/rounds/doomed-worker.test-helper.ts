/**
 * A round worker for fault tests, run as its own process (`node scripts/run.cjs <this file>`): the
 * real workflows and the real round activities, with a fault injected around `recordRoundDecisions`
 * for the first batch holding a decision whose id starts with DOOMED_MARK:
 * - `kill-after-commit` (default): once the real call has answered `recorded`, the process writes
 *   what it stored to DOOMED_REPORT and sends itself SIGKILL before the answer reaches the SDK. The
 *   append has committed; the workflow task that asked for it never completes, so Temporal times
 *   it out and hands it to another worker, which decides again (ADR 16).
 * - `freeze-before-commit`: before the real call, the process writes the batch to DOOMED_REPORT and
 *   stops itself (SIGSTOP). Temporal times the task out and another worker goes on; when the test
 *   sends SIGCONT, this process wakes up as a zombie: its workflow task is gone, but its workflow
 *   code and local activities run on against the store until the SDK learns the task is gone.
 * A batch holding a decision whose id starts with `slow-` takes 800 ms before it is recorded, so the
 * Updates sent meanwhile reach the workflow together, in one task and one batch.
 * Every call's batch and outcome is appended to DOOMED_REPORT.calls (JSON lines).
 *
 * Environment: DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE, DOOMED_BUNDLE (a file holding
 * the workflow bundle's code, built once by the test), DOOMED_MARK, DOOMED_REPORT, DOOMED_FAULT.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRoundActivities } from '@selter/activities';
import type { RecordDecisionsInput, RecordDecisionsResult, RoundActivities } from '@selter/contracts';
import type { RoundEvent } from '@selter/domain';
import postgres from 'postgres';
import { startSelterWorker } from '../worker';

export type DoomedFault = 'kill-after-commit' | 'freeze-before-commit';

/** The batch the fault struck (`version`: where it was stored; -1 when frozen before storing). */
export interface DoomedReport {
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly version: number;
  readonly decisionIds: readonly string[];
  readonly recordedAt: string;
}

/** One `recordRoundDecisions` call of the doomed worker, as it ended. */
export interface DoomedCall {
  readonly decisionIds: readonly string[];
  readonly expectedVersion: number;
  readonly recordedAt: string;
  readonly outcome: RecordDecisionsResult<RoundEvent>['outcome'] | 'threw';
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const reportOf = (input: RecordDecisionsInput<RoundEvent>, version: number): DoomedReport => ({
  streamId: input.streamId,
  expectedVersion: input.expectedVersion,
  version,
  decisionIds: input.decisions.map((d) => d.decisionId),
  recordedAt: input.recordedAt,
});

async function main(): Promise<void> {
  const mark = env('DOOMED_MARK');
  const report = env('DOOMED_REPORT');
  const fault = (process.env['DOOMED_FAULT'] ?? 'kill-after-commit') as DoomedFault;
  const sql = postgres(env('DATABASE_URL'), { max: 3, onnotice: () => undefined });
  const real = createRoundActivities({ sql });
  let struck = false;

  const record = async (
    input: RecordDecisionsInput<RoundEvent>,
  ): Promise<RecordDecisionsResult<RoundEvent>> => {
    const call = {
      decisionIds: input.decisions.map((d) => d.decisionId),
      expectedVersion: input.expectedVersion,
      recordedAt: input.recordedAt,
    };
    const log = (outcome: DoomedCall['outcome']): void =>
      appendFileSync(`${report}.calls`, `${JSON.stringify({ ...call, outcome } satisfies DoomedCall)}\n`);
    try {
      const result = await real.recordRoundDecisions(input);
      log(result.outcome);
      return result;
    } catch (error) {
      log('threw');
      throw error;
    }
  };

  const activities: RoundActivities = {
    ...real,
    recordRoundDecisions: async (input) => {
      if (input.decisions.some((d) => d.decisionId.startsWith('slow-')))
        await new Promise((r) => setTimeout(r, 800));
      const marked = !struck && input.decisions.some((d) => d.decisionId.startsWith(mark));
      if (marked && fault === 'freeze-before-commit') {
        struck = true;
        writeFileSync(report, JSON.stringify(reportOf(input, -1)));
        process.kill(process.pid, 'SIGSTOP'); // everything stops here, the SDK's threads too, until SIGCONT
        return record(input);
      }
      const result = await record(input);
      if (marked && result.outcome === 'recorded') {
        struck = true;
        writeFileSync(report, JSON.stringify(reportOf(input, result.version)));
        // Committed; the SDK never hears of it. No drain, no goodbye, no completed workflow task.
        process.kill(process.pid, 'SIGKILL');
        await new Promise(() => undefined);
      }
      return result;
    },
  };
  const running = await startSelterWorker({
    address: env('TEMPORAL_ADDRESS'),
    namespace: process.env['TEMPORAL_NAMESPACE'] ?? 'default',
    taskQueue: env('TEMPORAL_TASK_QUEUE'),
    workflowBundle: { code: readFileSync(env('DOOMED_BUNDLE'), 'utf8') },
    activities: activities as unknown as Record<string, (...args: never[]) => Promise<unknown>>,
  });
  process.stdout.write(`doomed worker polling (${fault})\n`);
  await running.run.finally(() => sql.end({ timeout: 5 }));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `doomed worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
