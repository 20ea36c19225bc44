import type { ClockAnchor } from '@selter/contracts';
import { time, type IsoInstant } from '@selter/domain';
import { workflowNowMs } from '../workflow-time';

/**
 * The round's clock (ADR 0013): the time of the latest decision, running on with workflow time.
 * Workflow time alone would close a round's registration the moment a round whose decisions are
 * dated in the past (an imported round, a test scenario) is announced; the decisions' own time
 * alone would never move while everyone is silent. Deterministic: workflow time (workflow-time.ts).
 */
export class RoundClock {
  constructor(private anchor: ClockAnchor | undefined) {}

  /** Before the first decision the round has no time of its own, and nothing is scheduled. */
  get started(): boolean {
    return this.anchor !== undefined;
  }

  get snapshot(): ClockAnchor | undefined {
    return this.anchor;
  }

  /** A person's decision sets the clock to its time, if later than the clock reads. */
  observe(decidedAt: IsoInstant): void {
    const ms = time.instantMillis(decidedAt);
    if (this.anchor === undefined || ms > this.nowMs())
      this.anchor = { at: decidedAt, workflowMs: workflowNowMs() };
  }

  nowMs(): number {
    if (!this.anchor) return workflowNowMs();
    return time.instantMillis(this.anchor.at) + (workflowNowMs() - this.anchor.workflowMs);
  }

  now(): IsoInstant {
    return time.instantAt(this.nowMs());
  }
}
