import { Query } from '@nestjs/cqrs';
import type { CommandContext } from '../../rounds/command-context';
import type { DecisionCheck } from '../../rounds/check-decision/check-decision.query';
import type { RoundRef } from '../../rounds/round-id';
import type { RotationDecisionType } from '../rotation-bodies';

/** Would this rotation decision be accepted now? Decides it without recording anything. */
export class CheckRotationDecisionQuery extends Query<DecisionCheck> {
  constructor(
    readonly ctx: CommandContext,
    readonly rotation: RoundRef,
    readonly type: RotationDecisionType,
    readonly data: Record<string, unknown>,
  ) {
    super();
  }
}
