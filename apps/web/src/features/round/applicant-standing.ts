import type { ApplicantView } from './types';

export type Standing = 'withdrawn' | 'ineligible' | 'eliminated' | 'pending' | 'proceeding';

/** Where an applicant stands in the selection, as one word for filters and badges. */
export function standingOf(a: ApplicantView): Standing {
  if (a.withdrawn) return 'withdrawn';
  if (a.verdict === 'ineligible') return 'ineligible';
  if (a.eliminatedAt !== null) return 'eliminated';
  return a.verdict === null ? 'pending' : 'proceeding';
}

/** By rank in the latest published ranking, then in registration order. */
export function byRank(a: ApplicantView, b: ApplicantView): number {
  return (
    (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
    a.registeredAt.localeCompare(b.registeredAt) ||
    a.applicantId.localeCompare(b.applicantId)
  );
}

/** The stage ids any applicant has a score for, in the order first met. */
export function stagesScored(applicants: readonly ApplicantView[]): string[] {
  const seen = new Set<string>();
  for (const a of applicants) for (const stage of Object.keys(a.scores)) seen.add(stage);
  return [...seen];
}
