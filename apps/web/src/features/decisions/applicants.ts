import type { DecisionResult } from '../../api/decisions';
import type { PlanFacts } from './plan-facts';
import type { ApplicantView } from './types';

/** The shortlist's size under both policies (R22: the 3 best per post); the API holds the policy's number and enforces it. */
export const SHORTLIST_SIZE = 3;

/** Still in the running: eligible, not withdrawn, not eliminated by a published ranking (the domain's isProceeding). */
export function isProceeding(applicant: ApplicantView): boolean {
  return applicant.verdict === 'eligible' && !applicant.withdrawn && applicant.eliminatedAt === null;
}

/** Applicants the pansel has not yet given an administrative verdict. */
export function awaitingVerdict(applicants: readonly ApplicantView[]): ApplicantView[] {
  return applicants.filter((a) => a.verdict === null && !a.withdrawn);
}

/** Proceeding applicants in the order of the latest published ranking (rank, then total, then id). */
export function rankedProceeding(applicants: readonly ApplicantView[]): ApplicantView[] {
  const rank = (a: ApplicantView) => a.rank ?? Number.POSITIVE_INFINITY;
  return applicants
    .filter(isProceeding)
    .sort(
      (a, b) =>
        rank(a) - rank(b) || (b.total ?? 0) - (a.total ?? 0) || a.applicantId.localeCompare(b.applicantId),
    );
}

/**
 * The tiga besar as the ranking shows them. The API's read model keeps no shortlist, so this is
 * the top of the final ranking, which is what the domain lets the pansel propose (R22: the best
 * scores); the decision's dry run checks a pick against the recorded shortlist (R23).
 */
export function finalistsOf(applicants: readonly ApplicantView[], size = SHORTLIST_SIZE): ApplicantView[] {
  return rankedProceeding(applicants).slice(0, size);
}

/** The stage ids the applicants have scores for: in `order` (the catalogue's or the publications'), then any others. */
export function scoredStages(applicants: readonly ApplicantView[], order: readonly string[] = []): string[] {
  const scored = new Set(applicants.flatMap((a) => Object.keys(a.scores)));
  return [...new Set([...order.filter((id) => scored.has(id)), ...scored])];
}

/**
 * The stages a post has published, in order, from its publications' summaries ("StageResultsPublished:
 * post p, stage s", libs/projections/src/read-models/timeline/evolve.ts): the read model keeps scores
 * by stage id in no particular order, and publications follow the catalogue (R21).
 */
export function publishedStages(publications: ReadonlyArray<{ summary: string }>): string[] {
  return publications.flatMap((p) => /\bstage ([\w.-]+)/.exec(p.summary)?.[1] ?? []);
}

/** How people see an applicant: the name, else the id. */
export function applicantName(applicant: ApplicantView | undefined, fallback = '–'): string {
  return applicant ? (applicant.name ?? applicant.applicantId) : fallback;
}

/**
 * The post's tiga besar: as recorded (and, `afterReview`, as left by the overseer's review) when
 * the round's state is readable, else as the ranking shows them (`recorded` false).
 */
export function shortlistOf(
  applicants: readonly ApplicantView[],
  facts: PlanFacts | null,
  afterReview = false,
): { finalists: ApplicantView[]; recorded: boolean } {
  if (!facts?.finalists) return { finalists: finalistsOf(applicants), recorded: false };
  const remaining = afterReview ? facts.remaining : null;
  const ids = facts.finalists.map((f) => f.applicantId).filter((id) => !remaining || remaining.includes(id));
  return { finalists: ids.flatMap((id) => applicants.filter((a) => a.applicantId === id)), recorded: true };
}

/** An event a decision recorded, as far as the overlay reads it. */
type RecordedEvent = Pick<DecisionResult['events'][number], 'type' | 'data'>;

/**
 * The applicants with what this page just recorded laid over them (verdicts, scores, withdrawals,
 * from the API's answer), so the next decision starts from them while the read model catches up.
 */
export function withRecorded(
  applicants: readonly ApplicantView[],
  events: readonly RecordedEvent[],
): ApplicantView[] {
  return events.reduce<ApplicantView[]>(
    (list, event) => {
      const d = event.data;
      const patch = (id: unknown, change: (a: ApplicantView) => Partial<ApplicantView>) =>
        list.map((a) => (a.applicantId === id ? { ...a, ...change(a) } : a));
      switch (event.type) {
        case 'AdministrativeVerdictRecorded':
          return patch(d['applicantId'], () => ({ verdict: String(d['verdict']) }));
        case 'ApplicantWithdrawn':
          return patch(d['applicantId'], () => ({ withdrawn: true }));
        case 'StageResultsRecorded': {
          const stageId = String(d['stageId']);
          const results = Array.isArray(d['results'])
            ? (d['results'] as Array<{ applicantId: string; score: number }>)
            : [];
          return results.reduce(
            (acc, r) =>
              acc.map((a) =>
                a.applicantId === r.applicantId ? { ...a, scores: { ...a.scores, [stageId]: r.score } } : a,
              ),
            list,
          );
        }
        default:
          return list;
      }
    },
    [...applicants],
  );
}

/** The stage this page last recorded scores for, unless it has since been published: the next batch is for it too. */
export function stageInProgress(events: readonly RecordedEvent[]): string | null {
  return events.reduce<string | null>((stage, event) => {
    const stageId = typeof event.data['stageId'] === 'string' ? event.data['stageId'] : null;
    if (event.type === 'StageResultsRecorded') return stageId;
    return event.type === 'StageResultsPublished' && stageId === stage ? null : stage;
  }, null);
}
