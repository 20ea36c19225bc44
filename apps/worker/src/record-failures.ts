import type { ActivityInterceptorsFactory } from '@temporalio/worker';

/** Attempts after which a failing record is logged as a stuck round (ADR 16). */
export const STUCK_AFTER_ATTEMPTS = 5;

export interface RecordFailureLog {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/**
 * Names the round (or rotation) whose decisions cannot be recorded: every failed attempt of a
 * record activity is logged with the workflow id, and from the STUCK_AFTER_ATTEMPTS-th on as an
 * error an operator acts on (`npm run ops -- stuck`, docs/operations.md). A store that refuses a
 * decision for good is not a failure here: that is the `rejected` outcome, answered to the caller.
 */
export function recordFailures(
  log: RecordFailureLog,
  onStuck: (workflowId: string) => void = () => undefined,
): ActivityInterceptorsFactory {
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        try {
          return await next(input);
        } catch (error) {
          const { activityType, attempt, workflowExecution } = ctx.info;
          if (activityType.startsWith('record')) {
            const fields = {
              workflowId: workflowExecution?.workflowId,
              activityType,
              attempt,
              error: error instanceof Error ? error.message : String(error),
            };
            if (attempt >= STUCK_AFTER_ATTEMPTS) {
              log.error(
                fields,
                `stuck: ${workflowExecution?.workflowId ?? '?'} has failed to record its decisions ${attempt} times in a row`,
              );
              if (workflowExecution) onStuck(workflowExecution.workflowId);
            } else
              log.warn(
                fields,
                `recording decisions of ${workflowExecution?.workflowId ?? '?'} failed; retrying`,
              );
          }
          throw error;
        }
      },
    },
  });
}
