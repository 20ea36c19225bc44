import type { ApplicantState, OversightLetter, PostState, RoundState, StageDefinition } from '@selter/domain';

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
export function countApplicants(applicants: readonly ApplicantState[]): ApplicantCounts {
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
    if (a.verdict === undefined) counts.pending++;
    else counts[a.verdict]++;
    if (a.withdrawn) counts.withdrawn++;
    if (a.eliminatedAt !== undefined) counts.eliminated++;
    if (a.verdict === 'eligible' && !a.withdrawn && a.eliminatedAt === undefined) counts.proceeding++;
  }
  return counts;
}

function summarisePost(post: PostState): PostSummary {
  const shortlist = 'shortlist' in post ? post.shortlist : undefined;
  const appointee = 'appointee' in post ? post.appointee : undefined;
  return {
    postId: post.plan.postId,
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
          decree: appointee.decree ?? null,
          inauguratedOn: appointee.inauguratedOn ?? null,
        }
      : null,
    reason: 'reason' in post ? post.reason : null,
  };
}

/** The posts at a position: their live state once announced, else the plan's posts (no applicants yet). */
export function postsAt(state: RoundState): PostSummary[] {
  if (state.status === 'empty') return [];
  if ('posts' in state) {
    const order = 'postIds' in state ? state.postIds : Object.keys(state.posts);
    return order.flatMap((id) => {
      const post = state.posts[id];
      return post ? [summarisePost(post)] : [];
    });
  }
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
export function stagesAt(state: RoundState): readonly StageDefinition[] {
  if (state.status === 'empty') return [];
  return 'stages' in state ? state.stages : state.plan.stages;
}

/** The round-level decisions recorded by a position, as label key and value (dates through `date`). */
export function roundDecisionsAt(
  state: RoundState,
  date: (isoDate: string) => string = (d) => d,
): Array<{ key: string; value: string }> {
  if (state.status === 'empty') return [];
  const out: Array<{ key: string; value: string }> = [
    { key: 'panselDecree', value: state.plan.pansel.decreeNumber },
  ];
  const recommendation = 'recommendation' in state ? state.recommendation : null;
  if (recommendation)
    out.push({ key: 'recommendation', value: `${recommendation.issuedBy} ${recommendation.letterNumber}` });
  if (state.status === 'rejected')
    out.push({
      key: 'rejection',
      value: `${state.rejection.issuedBy} ${state.rejection.letterNumber}: ${state.rejection.reason}`,
    });
  for (const a of state.mendagriApprovals)
    out.push({ key: 'mendagri', value: `${a.letterNumber}${a.postId ? ` (${a.postId})` : ''}` });
  if ('announcement' in state)
    out.push({
      key: 'announced',
      value: `${date(state.announcement.announcedOn)} – ${date(state.announcement.registrationDeadline)}`,
    });
  if (state.status === 'cancelled') out.push({ key: 'cancelled', value: state.reason });
  return out;
}
