import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decisionDateOf, OVERSIGHT_BOOK, successionOn } from '@selter/domain';
import { nowInstant, type Clock } from '../../clock/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { ListOversightBodiesQuery, type OversightBodiesView } from './list-oversight-bodies.query';

/** The domain's book of oversight bodies: what the console offers for a letter or a pansel seat. */
@QueryHandler(ListOversightBodiesQuery)
export class ListOversightBodiesHandler implements IQueryHandler<
  ListOversightBodiesQuery,
  OversightBodiesView
> {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  execute(): Promise<OversightBodiesView> {
    const today = decisionDateOf(nowInstant(this.clock));
    return Promise.resolve({
      today,
      holder: successionOn(today)?.body ?? null,
      bodies: OVERSIGHT_BOOK.bodies.map((b) => ({ ...b, name: { ...b.name } })),
      succession: OVERSIGHT_BOOK.succession.map((r) => ({ ...r, until: r.until ?? null })),
    });
  }
}
