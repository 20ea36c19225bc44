import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import { workflowNowMs } from '../workflow-time';

/** Re-arming within this much of the running timer keeps it: decisions stamped by the API jitter by milliseconds. */
const TOLERANCE_MS = 1_000;

/**
 * One durable timer for the round's next deadline, in workflow time. Re-arming it for (about) the
 * same moment keeps the running timer, so a decision that leaves the next deadline unchanged (most
 * of them) adds no timer events to the history; another moment cancels the old timer first.
 */
export class Alarm {
  private current: { ringAtMs: number; rang: boolean; scope: CancellationScope } | undefined;

  /** Arms the alarm to ring `delayMs` from now (workflow time); returns a check that is true once it has rung. */
  arm(delayMs: number): () => boolean {
    const ringAtMs = workflowNowMs() + delayMs;
    if (!this.current || Math.abs(this.current.ringAtMs - ringAtMs) > TOLERANCE_MS) {
      this.disarm();
      const scope = new CancellationScope();
      const alarm = { ringAtMs, rang: false, scope };
      this.current = alarm;
      scope
        .run(() => sleep(Math.max(1, delayMs)))
        .then(
          () => void (alarm.rang = true),
          (error: unknown) => {
            if (!isCancellation(error)) throw error;
          },
        );
    }
    const alarm = this.current;
    return () => alarm?.rang ?? false;
  }

  disarm(): void {
    this.current?.scope.cancel();
    this.current = undefined;
  }
}
