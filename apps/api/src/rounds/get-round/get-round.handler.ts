import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { zoneOf } from '@selter/domain';
import { roundPosts } from '@selter/projections';
import type { Sql } from 'postgres';
import { RoundAccess } from '../../access/round-access';
import { CalendarBookService } from '../../calendar/calendar-book.service';
import { SQL } from '../../infrastructure/tokens';
import { notFound } from '../../problem/problems';
import { GetRoundQuery } from './get-round.query';
import { postViewOf, type RoundView } from './round.view';

@QueryHandler(GetRoundQuery)
export class GetRoundHandler implements IQueryHandler<GetRoundQuery, RoundView> {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly access: RoundAccess,
    private readonly calendar: CalendarBookService,
  ) {}

  async execute({ principal, round }: GetRoundQuery): Promise<RoundView> {
    await this.access.assertRead(principal, round);
    const [rows, book] = await Promise.all([roundPosts(this.sql, round.id), this.calendar.read()]);
    const first = rows[0];
    if (!first) throw notFound('ROUND.NOT_FOUND', `No round ${round.id} (or it is not projected yet).`);
    return {
      id: round.id,
      agency: round.agency,
      name: first.round_name,
      agencyName: first.agency,
      status: first.round_status,
      zone: zoneOf(book, round.agency),
      posts: rows.map(postViewOf),
    };
  }
}
