import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal';

/** A decision waiting on the caller, how long it has waited, and the policy's service level for it. */
export interface InboxItem {
  roundId: string;
  roundName: string | null;
  postId: string | null;
  command: string;
  role: string;
  /** When the wait began: the latest event of the post (or of the round, for round-wide decisions). */
  since: string | null;
  waitedDays: number | null;
  /** The policy's soft service level (serviceLevels), when it sets one for this decision. */
  serviceLevelDays: number | null;
  dueAt: string | null;
  overdue: boolean;
  /** Reminders the round's clock has sent for this wait (DecisionReminded). */
  reminders: number;
  /** True once the wait was escalated (DecisionEscalated): to the oversight body's leadership, or to the body for a PPK. */
  escalated: boolean;
}

export class InboxQuery extends Query<{ now: string; items: InboxItem[] }> {
  constructor(readonly principal: Principal) {
    super();
  }
}
