import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AwaitedWithAlarm as AwaitedDecision } from '@selter/contracts';
import { decisionDateOf, gateHolderOn, getPolicy, time } from '@selter/domain';
import { lastEventAt, listRounds } from '@selter/projections';
import type { Sql } from 'postgres';
import { spansAgencies } from '../../access/round-access';
import type { Principal } from '../../auth/principal';
import { nowInstant, type Clock } from '../../clock/clock';
import { CLOCK, SQL } from '../../infrastructure/tokens';
import { RoundWorkflows } from '../../workflows/round-workflows';
import { GATE_OF, SERVICE_LEVEL_OF } from '../decision-rules';
import { RoundFactsCache, type RoundFacts } from '../round-facts';
import { roundIdParam, type RoundRef } from '../round-id';
import { InboxQuery, type Inbox, type InboxItem } from './inbox.query';

const FINISHED = new Set(['closed', 'cancelled']);
const ROUNDS_SCANNED = 200;

/** Is this awaited decision the caller's to take? (role, pansel seat, the liaison's body holding the gate today) */
function isMine(p: Principal, a: AwaitedDecision, facts: RoundFacts, today: string): boolean {
  if (p.role === 'admin') return a.role === 'operator';
  if (a.role !== p.role) return false;
  if (p.role === 'pansel') return facts.panselMembers.has(p.id);
  if (p.role === 'oversight') {
    const gate = GATE_OF[a.command];
    return Boolean(
      gate && facts.policyId && gateHolderOn(getPolicy(facts.policyId), gate, today).holder === p.body,
    );
  }
  return true;
}

/**
 * The caller's inbox: for each open round in its scope, the decisions the workflow awaits (its
 * `awaiting` Query: live, not the read model's lag) that are the caller's to take, with the time
 * waited against the round policy's service level, oldest first.
 */
@QueryHandler(InboxQuery)
export class InboxHandler implements IQueryHandler<InboxQuery, Inbox> {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly rounds: RoundWorkflows,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly facts: RoundFactsCache,
  ) {}

  async execute({ principal }: InboxQuery): Promise<Inbox> {
    const now = nowInstant(this.clock);
    if (principal.role === 'auditor') return { now, items: [] };
    const rows = (
      await listRounds(
        this.sql,
        spansAgencies(principal) ? null : `round-${principal.agency ?? ''}-`,
        ROUNDS_SCANNED,
      )
    ).filter((r) => !FINISHED.has(r.round_status));
    const since = await this.waitsSince(rows.map((r) => r.round_id));
    const perRound = await Promise.all(
      rows.map(async (row) => {
        const ref = roundIdParam.safeParse(row.round_id);
        if (!ref.success) return [];
        const mine = await this.awaitedOf(principal, ref.data, decisionDateOf(now));
        return mine.map(({ decision, facts }) =>
          this.item(row.round_id, row.round_name, decision, facts, since, now),
        );
      }),
    );
    const items = perRound.flat().sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
    return { now, items };
  }

  private async awaitedOf(
    p: Principal,
    round: RoundRef,
    today: string,
  ): Promise<Array<{ decision: AwaitedDecision; facts: RoundFacts }>> {
    try {
      const [facts, awaited] = await Promise.all([this.facts.get(round), this.rounds.awaiting(round)]);
      return awaited.filter((a) => isMine(p, a, facts, today)).map((decision) => ({ decision, facts }));
    } catch {
      return []; // a round whose workflow is gone (retention) waits on nobody
    }
  }

  private async waitsSince(roundIds: string[]): Promise<Map<string, number>> {
    const rows = await lastEventAt(this.sql, roundIds);
    const at = new Map<string, number>();
    for (const r of rows) {
      const ms = new Date(r.at).getTime();
      at.set(`${r.round_id}/${r.post_id}`, ms);
      at.set(`${r.round_id}/*`, Math.max(ms, at.get(`${r.round_id}/*`) ?? 0));
    }
    return at;
  }

  private item(
    roundId: string,
    roundName: string | null,
    a: AwaitedDecision,
    facts: RoundFacts,
    since: Map<string, number>,
    now: string,
  ): InboxItem {
    // The workflow's own record of the wait comes first (the domain folds it from the events); the
    // projections' latest event is the fallback for a workflow that does not report one.
    const began =
      a.since !== undefined
        ? time.instantMillis(a.since)
        : (since.get(`${roundId}/${a.postId ?? ''}`) ?? since.get(`${roundId}/*`));
    const key = SERVICE_LEVEL_OF[a.command];
    const sla =
      a.serviceLevelDays ??
      (key && facts.policyId ? getPolicy(facts.policyId).serviceLevels[key].value : null);
    const nowMs = time.instantMillis(now);
    const dueMs = began !== undefined && sla !== null ? began + sla * time.DAY_MS : undefined;
    return {
      roundId,
      roundName,
      postId: a.postId ?? null,
      command: a.command,
      role: a.role,
      since: began === undefined ? null : time.instantAt(began),
      waitedDays: began === undefined ? null : Math.round(((nowMs - began) / time.DAY_MS) * 10) / 10,
      serviceLevelDays: sla,
      dueAt: dueMs === undefined ? null : time.instantAt(dueMs),
      overdue: dueMs !== undefined && nowMs > dueMs,
      reminders: a.reminders ?? 0,
      escalated: a.escalated ?? false,
      alarm: a.alarm
        ? { code: a.alarm.code, year: a.alarm.year ?? null, command: a.alarm.command, since: a.alarm.since }
        : null,
    };
  }
}
