import type { Ranked } from './events';
import type { StageDefinition } from './plan-types';
import type { ApplicantState } from './state';

/** Highest running total first; ties broken by the stage score, then by id so the order is deterministic. */
export function byTotal(a: ApplicantState, b: ApplicantState, stageId: string): number {
  return (
    b.total - a.total ||
    (b.scores[stageId] ?? 0) - (a.scores[stageId] ?? 0) ||
    (a.applicantId < b.applicantId ? -1 : 1)
  );
}

/** The ranked publication of a stage (R21): scores by rank and who proceeds. */
export function rankStage(stage: StageDefinition, candidates: readonly ApplicantState[]): Ranked[] {
  if (stage.kind === 'administrative') {
    return candidates.map((a, index) => ({
      applicantId: a.applicantId,
      rank: index + 1,
      stageScore: a.verdict === 'eligible' ? 1 : 0,
      total: 0,
      proceeds: a.verdict === 'eligible',
    }));
  }
  const sorted = [...candidates].sort((a, b) => byTotal(a, b, stage.stageId));
  const passes = (a: ApplicantState): boolean =>
    stage.scoring === 'cumulative' || (a.scores[stage.stageId] ?? 0) >= (stage.passMark ?? 0);
  let places = stage.maxProceeding ?? Number.POSITIVE_INFINITY;
  return sorted.map((a, index) => {
    const proceeds = passes(a) && places > 0;
    if (proceeds) places -= 1;
    return {
      applicantId: a.applicantId,
      rank: index + 1,
      stageScore: a.scores[stage.stageId] ?? 0,
      total: round2(a.total),
      proceeds,
    };
  });
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
