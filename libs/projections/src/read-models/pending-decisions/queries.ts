import type { Role } from '@selter/domain';
import type { Sql } from 'postgres';
import type { PendingDecisionRow } from './row';

/** What a role must decide, oldest first. */
export const pendingDecisionsFor = (sql: Sql, role: Role, limit = 100): Promise<PendingDecisionRow[]> =>
  sql<PendingDecisionRow[]>`select * from rm_pending_decisions where role = ${role} order by since, round_id, post_id limit ${limit}`;
