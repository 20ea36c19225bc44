import type { PostPlan, RoundPlan, StageDefinition } from './plan-types';
import { finding, type DomainError } from '../shared/errors';

/**
 * What a stage asks of one post's candidates: the post's own topic (its paper's *kisi-kisi*), else
 * the round's default on the stage, else null (PROCESS.md §7: the paper topic differs per post).
 */
export function stageTopicFor(
  stages: readonly StageDefinition[],
  post: PostPlan,
  stageId: string,
): string | null {
  const own = post.stageTopics?.find((t) => t.stageId === stageId)?.topic;
  return own ?? stages.find((s) => s.stageId === stageId)?.topic ?? null;
}

/** A post's topics must name stages of the catalogue, once each, with some text. */
export function stageContentFindings(plan: RoundPlan): DomainError[] {
  const known = new Set(plan.stages.map((s) => s.stageId));
  return plan.posts.flatMap((post, i) => {
    const seen = new Set<string>();
    return (post.stageTopics ?? []).flatMap((entry, j) => {
      const field = `plan.posts.${i}.stageTopics.${j}`;
      const problem = !known.has(entry.stageId)
        ? {
            id: `tahap ${entry.stageId} tidak ada dalam katalog`,
            en: `stage ${entry.stageId} is not in the catalogue`,
            field: `${field}.stageId`,
          }
        : seen.has(entry.stageId)
          ? {
              id: `tahap ${entry.stageId} disebut dua kali`,
              en: `stage ${entry.stageId} is named twice`,
              field: `${field}.stageId`,
            }
          : entry.topic.trim() === ''
            ? { id: 'materi kosong', en: 'empty topic', field: `${field}.topic` }
            : null;
      seen.add(entry.stageId);
      if (!problem) return [];
      return [
        finding(
          'PLAN.INVALID',
          `${post.postId}: materi tahap per jabatan tidak valid: ${problem.id}`,
          `${post.postId}: a post's stage topic is invalid: ${problem.en}`,
          { postId: post.postId, stageId: entry.stageId, field: problem.field },
        ),
      ];
    });
  });
}
