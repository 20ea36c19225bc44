import { planOfPosts, RoundBuilder, WITHOUT_RECOMMENDATION } from './builder';
import type { RoundStream } from './run';
import type { RoundCommand } from '../round/commands';

export interface FullRoundOptions {
  readonly posts: number;
  readonly applicants: number;
  readonly policyId?: string;
  readonly start?: string;
  readonly seed?: number;
  /** Every n-th applicant lacks the home-PPK recommendation (R7); 0 for none. */
  readonly missingRecommendationEvery?: number;
}

/** Runs a whole round through the decider: every post to inauguration except the last post's inauguration. */
export function buildFullRound(options: FullRoundOptions): {
  stream: RoundStream;
  lastCommand: RoundCommand;
} {
  const {
    posts,
    applicants,
    policyId = 'bkn-2024',
    start = '2024-09-02',
    seed = 7,
    missingRecommendationEvery = 25,
  } = options;
  const b = new RoundBuilder(planOfPosts(posts), start, policyId, seed).announce();
  const postIds = b.round.postIds;
  for (let n = 0; n < applicants; n += 1) {
    const lacks =
      missingRecommendationEvery > 0 && n % missingRecommendationEvery === missingRecommendationEvery - 1;
    b.register(postIds[n % posts] ?? '', 1, () => (lacks ? WITHOUT_RECOMMENDATION : {}), b.day(8 + (n % 14)));
  }
  b.closeAll().verify().stages();
  postIds.forEach((postId) => b.shortlist(postId).appoint(postId));
  postIds.slice(0, -1).forEach((postId) => b.run(b.inaugurateCommand(postId)));
  return { stream: b.stream, lastCommand: b.inaugurateCommand(postIds[postIds.length - 1] ?? '') };
}
