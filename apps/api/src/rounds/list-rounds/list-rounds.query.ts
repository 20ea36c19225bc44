import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal';

export interface RoundSummary {
  id: string;
  agency: string;
  name: string | null;
  agencyName: string | null;
  status: string;
  posts: number;
  openPosts: number;
  updatedAt: string;
}

export class ListRoundsQuery extends Query<{ rounds: RoundSummary[] }> {
  constructor(
    readonly principal: Principal,
    readonly limit: number,
  ) {
    super();
  }
}
