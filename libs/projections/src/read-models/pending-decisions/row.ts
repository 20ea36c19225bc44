import type { Role } from '@selter/domain';

/** A row of `rm_pending_decisions`: a decision a role owes on a round (`post_id` '') or a post. */
export interface PendingDecisionRow {
  round_id: string;
  post_id: string;
  decision: string;
  role: Role;
  since: string;
  details: Record<string, unknown>;
}

export const PENDING_DECISION_COLUMNS = ['round_id', 'post_id', 'decision', 'role', 'since', 'details'] as const satisfies readonly (keyof PendingDecisionRow)[];
