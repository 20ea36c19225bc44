import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DEFAULT_POLICIES, foldStream } from '@selter/domain';
import { readStream, type StoredEvent } from '@selter/event-store';
import type { Sql } from 'postgres';
import { RoundAccess } from '../../access/round-access';
import { SQL } from '../../infrastructure/tokens';
import { invalidRequest, notFound } from '../../problem/problems';
import { RoundStateQuery, type RoundStateAt } from './round-state.query';
import { toRoundStateView } from './round-state.view';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function auditedEvent(e: StoredEvent): RoundStateAt['event'] {
  const data = (e.data ?? {}) as Record<string, unknown>;
  const actor = e.metadata.actor;
  return {
    version: e.streamVersion,
    eventId: e.eventId,
    type: e.type,
    at: e.recordedAt,
    postId: text(data['postId']),
    actor: actor ? { id: actor.id, role: actor.role } : null,
    reason: text(data['reason']),
  };
}

/**
 * The round right after event `at`, folded by the domain's evolve from the stored events (the
 * auditor's replay does the same with a bundle). The state keeps the policy id it was planned under.
 */
@QueryHandler(RoundStateQuery)
export class RoundStateHandler implements IQueryHandler<RoundStateQuery, RoundStateAt> {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly access: RoundAccess,
  ) {}

  async execute({ principal, round, at }: RoundStateQuery): Promise<RoundStateAt> {
    // Besides its auditors, the round's own participants read its state: the pansel members seated
    // on it and the agency's PPK decide on it and need its plan (stage catalogue, pass marks, the
    // tiga besar after review). Verification and the evidence bundle stay the auditors'.
    if (principal.role === 'pansel' || principal.role === 'ppk')
      await this.access.assertRead(principal, round);
    else await this.access.assertAudit(principal, round);
    const events = await readStream(this.sql, round.id);
    const head = events[events.length - 1];
    if (!head) throw notFound('ROUND.NOT_FOUND', `No round ${round.id}.`);
    const version = at ?? head.streamVersion;
    const event = events.find((e) => e.streamVersion === version);
    if (version > head.streamVersion || !event) {
      throw invalidRequest(`at must be a version of ${round.id}, from 1 to ${head.streamVersion}.`, [
        { path: 'at', message: `expected 1..${head.streamVersion}` },
      ]);
    }
    const folded = foldStream(events.filter((e) => e.streamVersion <= version));
    if (folded.kind !== 'round') throw notFound('ROUND.NOT_FOUND', `No round ${round.id}.`);
    const { state } = folded;
    const policyId = state.status === 'empty' ? undefined : state.policyId;
    return {
      roundId: round.id,
      at: version,
      headVersion: head.streamVersion,
      policy: policyId ? { id: policyId, title: DEFAULT_POLICIES.get(policyId)?.title ?? null } : null,
      event: auditedEvent(event),
      state: toRoundStateView(state),
    };
  }
}
