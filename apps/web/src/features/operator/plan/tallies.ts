import type { MemberDraft, StageDraft } from './draft';

// Counts the editor shows beside what is typed (display only: whether they meet the rules is the
// API's finding, POST /rounds/plan-check).

export interface PanselShare {
  size: number;
  internal: number;
  external: number;
  /** 0-1; 0 for an empty pansel. */
  internalShare: number;
  externalShare: number;
}

/**
 * How many members are internal and external, and their shares, by the members the API's plan
 * check counts as internal from their employers (R2); null until it has answered.
 */
export function panselShare(
  members: readonly MemberDraft[],
  internalIds: readonly string[] | null,
): PanselShare | null {
  if (!internalIds) return null;
  const size = members.length;
  const counted = new Set(internalIds);
  const internal = members.filter((m) => counted.has(m.memberId.trim())).length;
  return {
    size,
    internal,
    external: size - internal,
    internalShare: size ? internal / size : 0,
    externalShare: size ? (size - internal) / size : 0,
  };
}

/** Sum of the stage weights (percent of the final total). */
export const weightTotal = (stages: readonly StageDraft[]): number =>
  stages.reduce((sum, s) => sum + (Number.isFinite(s.weight) ? s.weight : 0), 0);
