import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

/**
 * One durable timer for the round's next deadline. Re-arming it for the same instant keeps the
 * running timer, so a decision that leaves the next deadline unchanged (most of them) adds no
 * timer events to the history; a new instant cancels the old timer first.
 */
export class Alarm {
  private current: { atMs: number; rang: boolean; scope: CancellationScope } | undefined;

  /** Arms the alarm for `atMs`, `delayMs` from now; returns a check that is true once it has rung. */
  arm(atMs: number, delayMs: number): () => boolean {
    if (this.current?.atMs !== atMs) {
      this.disarm();
      const scope = new CancellationScope();
      const alarm = { atMs, rang: false, scope };
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
