import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listRounds } from '@selter/projections';
import type { Sql } from 'postgres';
import { RoundAccess } from '../../access/round-access';
import { SQL } from '../../infrastructure/tokens';
import { iso } from '../get-round/round.view';
import { RoundFactsCache } from '../round-facts';
import { roundIdParam } from '../round-id';
import { ListRoundsQuery, type RoundList, type RoundSummary } from './list-rounds.query';

/**
 * The rounds the caller may see: its agency's (every agency's for spanning roles, and its regencies'
 * and cities' too for a province's operator and auditor, ADR 30); a pansel member's own rounds only.
 */
@QueryHandler(ListRoundsQuery)
export class ListRoundsHandler implements IQueryHandler<ListRoundsQuery, RoundList> {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly facts: RoundFactsCache,
    private readonly access: RoundAccess,
  ) {}

  async execute({ principal, limit }: ListRoundsQuery): Promise<RoundList> {
    const agencies = await this.access.agenciesReadBy(principal);
    const rows = await listRounds(
      this.sql,
      agencies === 'all' ? null : agencies.map((a) => `round-${a}-`),
      limit,
    );
    const rounds = rows.flatMap((r) => {
      const ref = roundIdParam.safeParse(r.round_id);
      if (!ref.success) return [];
      const summary: RoundSummary = {
        id: r.round_id,
        agency: ref.data.agency,
        name: r.round_name,
        agencyName: r.agency,
        status: r.round_status,
        posts: r.posts,
        openPosts: r.open_posts,
        updatedAt: iso(r.updated_at),
        // Only a province's own staff reach another agency's round here (admin and liaisons have no agency).
        readOnly:
          principal.role === 'auditor' ||
          (principal.agency !== undefined && principal.agency !== ref.data.agency),
      };
      return [{ summary, ref: ref.data }];
    });
    if (principal.role !== 'pansel') return { rounds: rounds.map((r) => r.summary) };
    const member = await Promise.all(
      rounds.map(
        async (r) =>
          (await this.facts.get(r.ref).catch(() => undefined))?.panselMembers.has(principal.id) ?? false,
      ),
    );
    return { rounds: rounds.filter((_, i) => member[i]).map((r) => r.summary) };
  }
}
