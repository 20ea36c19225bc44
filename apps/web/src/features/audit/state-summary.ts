import type { ApplicantStateView, PostStateView, RoundStateView, StageDefinition } from './types';

type OversightLetter = NonNullable<RoundStateView['recommendation']>;

/** How many applicants of a post stand where (the auditor's counts at a position). */
export interface ApplicantCounts {
  registered: number;
  pending: number;
  eligible: number;
  ineligible: number;
  withdrawn: number;
  eliminated: number;
  proceeding: number;
}

/** One post as the auditor sees it at a position: status, counts and the decisions taken on it. */
export interface PostSummary {
  postId: string;
  title: string;
  status: string;
  run: number | null;
  deadline: string | null;
  extensions: number;
  counts: ApplicantCounts | null;
  published: readonly string[];
  finalists: ReadonlyArray<{ applicantId: string; rank: number }>;
  shortlistReview: OversightLetter | null;
  appointee: { applicantId: string; decree: string | null; inauguratedOn: string | null } | null;
  reason: string | null;
}

/** Counts applicants of a post by where they stand. */
export function countApplicants(applicants: readonly ApplicantStateView[]): ApplicantCounts {
  const counts: ApplicantCounts = {
    registered: applicants.length,
    pending: 0,
    eligible: 0,
    ineligible: 0,
    withdrawn: 0,
    eliminated: 0,
    proceeding: 0,
  };
  for (const a of applicants) {
    if (a.verdict === null) counts.pending++;
    else counts[a.verdict]++;
    if (a.withdrawn) counts.withdrawn++;
    if (a.eliminatedAt !== null) counts.eliminated++;
    if (a.verdict === 'eligible' && !a.withdrawn && a.eliminatedAt === null) counts.proceeding++;
  }
  return counts;
}

function summarisePost(post: PostStateView): PostSummary {
  const { shortlist, appointee } = post;
  return {
    postId: post.postId,
    title: post.plan.title,
    status: post.status,
    run: post.run,
    deadline: post.deadline,
    extensions: post.extensions,
    counts: countApplicants(post.applicants),
    published: post.published,
    finalists: shortlist?.finalists ?? [],
    shortlistReview: shortlist?.review?.letter ?? null,
    appointee: appointee
      ? {
          applicantId: appointee.applicantId,
          decree: appointee.decree,
          inauguratedOn: appointee.inauguratedOn,
        }
      : null,
    reason: post.reason,
  };
}

/** The posts at a position: their live state once announced, else the plan's posts (no applicants yet). */
export function postsAt(state: RoundStateView): PostSummary[] {
  if (!state.plan) return [];
  if (state.posts.length > 0) return state.posts.map(summarisePost);
  return state.plan.posts.map((p) => ({
    postId: p.postId,
    title: p.title,
    status: 'planned',
    run: null,
    deadline: null,
    extensions: 0,
    counts: null,
    published: [],
    finalists: [],
    shortlistReview: null,
    appointee: null,
    reason: null,
  }));
}

/** The stage catalogue at a position: frozen at announcement, the plan's before. */
export function stagesAt(state: RoundStateView): readonly StageDefinition[] {
  return state.stages;
}

/** The round-level decisions recorded by a position, as label key and value (dates through `date`). */
export function roundDecisionsAt(
  state: RoundStateView,
  date: (isoDate: string) => string = (d) => d,
): Array<{ key: string; value: string }> {
  if (!state.plan) return [];
  const out: Array<{ key: string; value: string }> = [
    { key: 'panselDecree', value: state.plan.pansel.decreeNumber },
  ];
  if (state.recommendation)
    out.push({
      key: 'recommendation',
      value: `${state.recommendation.issuedBy} ${state.recommendation.letterNumber}`,
    });
  if (state.rejection)
    out.push({
      key: 'rejection',
      value: `${state.rejection.issuedBy} ${state.rejection.letterNumber}: ${state.rejection.reason}`,
    });
  for (const a of state.mendagriApprovals)
    out.push({ key: 'mendagri', value: `${a.letterNumber}${a.postId ? ` (${a.postId})` : ''}` });
  if (state.announcement)
    out.push({
      key: 'announced',
      value: `${date(state.announcement.announcedOn)} – ${date(state.announcement.registrationDeadline)}`,
    });
  if (state.cancellationReason !== null) out.push({ key: 'cancelled', value: state.cancellationReason });
  return out;
}
