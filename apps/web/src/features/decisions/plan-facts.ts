import type { RoundStateView, StageDefinition } from '../audit/types';

type AgencyLevel = NonNullable<RoundStateView['plan']>['agency']['level'];
type Finalist = NonNullable<RoundStateView['posts'][number]['shortlist']>['finalists'][number];

/**
 * What the round's own record says beyond the read model: the frozen stage catalogue with pass
 * marks, the stage a post is at, its recorded shortlist and who remains after the overseer's
 * review, from the round's state (GET …/audit/state: its auditors, its own pansel and PPK). For
 * anyone else, or when that read fails, these stay unknown and the forms fall back on the published ranking.
 */
export interface PlanFacts {
  agencyLevel: AgencyLevel;
  stages: readonly StageDefinition[];
  /** The post's next stage to run and publish (R21: in catalogue order), null when all are published. */
  currentStage: StageDefinition | null;
  /** The shortlist as the pansel proposed it, best first; null before one is proposed. */
  finalists: readonly Finalist[] | null;
  /** The finalists left after the overseer's review; null before the review. */
  remaining: readonly string[] | null;
}

/** The facts of one post (or of the round, without a post) from the round's state view. */
export function planFacts(state: RoundStateView, postId: string | null): PlanFacts | null {
  if (!state.plan) return null;
  const stages = state.stages;
  const post = postId ? state.posts.find((p) => p.postId === postId) : undefined;
  const shortlist = post?.shortlist ?? null;
  return {
    agencyLevel: state.plan.agency.level,
    stages,
    currentStage: post ? (stages[post.published.length] ?? null) : null,
    finalists: shortlist ? [...shortlist.finalists].sort((a, b) => a.rank - b.rank) : null,
    remaining: shortlist?.review?.remaining ?? null,
  };
}
