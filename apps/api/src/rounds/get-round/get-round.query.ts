import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal';
import type { RoundRef } from '../round-id';
import type { RoundView } from './round.view';

export class GetRoundQuery extends Query<RoundView> {
  constructor(
    readonly principal: Principal,
    readonly round: RoundRef,
  ) {
    super();
  }
}
