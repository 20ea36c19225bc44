import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal';
import type { RoundRef } from '../round-id';

export interface TimelineEntry {
  version: number;
  eventId: string;
  type: string;
  at: string;
  postId: string | null;
  actor: { id: string | null; role: string | null };
  summary: string;
}

export class GetTimelineQuery extends Query<{ roundId: string; events: TimelineEntry[] }> {
  constructor(
    readonly principal: Principal,
    readonly round: RoundRef,
    readonly fromVersion: number,
    readonly limit: number,
  ) {
    super();
  }
}
