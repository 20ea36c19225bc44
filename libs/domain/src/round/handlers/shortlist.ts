import type { AnnounceShortlist, ProposeShortlist, ReviewShortlist } from '../commands';
import { isProceeding, requireApplicant } from '../applicants';
import {
  holderOf,
  requireAnnounced,
  requireAuthority,
  requirePost,
  requirePostStatus,
  type Ctx,
} from '../context';
import type { Finalist, RoundEvent } from '../events';
import { round2 } from '../ranking';
import {
  applicantIn,
  type AnnouncedRound,
  type ApplicantState,
  type PostState,
  type RoundState,
} from '../state';
import { fail } from '../../shared/errors';

/** R20: a finalist needs an eligible verdict and a result for every other stage (the catalogue holds every mandatory kind). */
function missingStages(round: AnnouncedRound, applicant: ApplicantState): string[] {
  return round.stages
    .filter((s) =>
      s.kind === 'administrative'
        ? applicant.verdict !== 'eligible'
        : applicant.scores[s.stageId] === undefined,
    )
    .map((s) => s.stageId);
}

function qualified(post: PostState): ApplicantState[] {
  return post.applicants.filter(isProceeding);
}

/** ProposeShortlist: the 3 best per post (R22), each with every mandatory stage (R20), after every stage is published. */
export function proposeShortlist(command: ProposeShortlist, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['selection'], command.type);
  const unpublished = round.stages.filter((s) => !post.published.includes(s.stageId)).map((s) => s.stageId);
  if (unpublished.length > 0) {
    fail(
      'SHORTLIST.INCOMPLETE_STAGES',
      `Tahap belum selesai dan diumumkan: ${unpublished.join(', ')} (R20, R21)`,
      `Stages not yet run and published: ${unpublished.join(', ')} (R20, R21)`,
      { unpublished },
    );
  }
  const size = ctx.policy.numbers.shortlistSize;
  const ids = [...new Set(command.data.finalists)];
  if (ids.length > size.value) {
    fail(
      'SHORTLIST.TOO_LONG',
      `Daftar ${ids.length} nama melebihi ${size.value} (R22, ${size.source})`,
      `A list of ${ids.length} names exceeds ${size.value} (R22, ${size.source})`,
      { count: ids.length, max: size.value },
    );
  }
  const finalists = ids.map((id) => requireApplicant(post, id));
  for (const applicant of finalists) {
    if (!isProceeding(applicant)) {
      fail(
        'SHORTLIST.NOT_QUALIFIED',
        `${applicant.applicantId} tidak lolos seluruh tahap (R22)`,
        `${applicant.applicantId} did not pass every stage (R22)`,
        { applicantId: applicant.applicantId },
      );
    }
    const missing = missingStages(round, applicant);
    if (missing.length > 0) {
      fail(
        'SHORTLIST.INCOMPLETE_STAGES',
        `${applicant.applicantId} tidak memiliki hasil tahap wajib: ${missing.join(', ')} (R20, PP 11/2017 Pasal 120 ayat 5)`,
        `${applicant.applicantId} lacks results for mandatory stages: ${missing.join(', ')} (R20, PP 11/2017 Pasal 120(5))`,
        { applicantId: applicant.applicantId, missing },
      );
    }
  }
  const pool = qualified(post);
  const expected = Math.min(size.value, pool.length);
  if (finalists.length < expected || finalists.length === 0) {
    fail(
      'SHORTLIST.TOO_SHORT',
      `Pansel harus menetapkan ${expected} nama terbaik, bukan ${finalists.length} (R22)`,
      `The pansel must name the ${expected} best, not ${finalists.length} (R22)`,
      { expected, count: finalists.length },
    );
  }
  const lowest = Math.min(...finalists.map((a) => a.total));
  const better = pool
    .filter((a) => !ids.includes(a.applicantId) && a.total > lowest)
    .map((a) => a.applicantId);
  if (better.length > 0) {
    fail(
      'SHORTLIST.NOT_BEST_SCORES',
      `Peserta bernilai lebih tinggi tidak masuk daftar: ${better.join(', ')} (R22, UU 5/2014 Pasal 115 ayat 2)`,
      `Higher-scoring participants were left out: ${better.join(', ')} (R22, UU 5/2014 Pasal 115(2))`,
      { better },
    );
  }
  const ranked: Finalist[] = [...finalists]
    .sort((a, b) => b.total - a.total)
    .map((a, index) => ({ applicantId: a.applicantId, rank: index + 1, total: round2(a.total) }));
  return [
    ctx.emit('ShortlistProposed', {
      postId: post.plan.postId,
      finalists: ranked,
      fewerThanRequired: ranked.length < size.value,
    }),
  ];
}

/** ReviewShortlist: the overseer's review; finalists found ineligible drop out; too few left means a re-run (R22). */
export function reviewShortlist(command: ReviewShortlist, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['shortlisted'], command.type);
  if (post.shortlist.review) {
    fail(
      'POST.WRONG_STATUS',
      'Daftar nama sudah direviu pengawas',
      'The shortlist has already been reviewed',
      { postId: post.plan.postId },
    );
  }
  const { issuedBy, letterNumber, ineligible = [], acceptFewer = false } = command.data;
  requireAuthority(ctx, 'shortlistReview', issuedBy);
  const finalistIds = post.shortlist.finalists.map((f) => f.applicantId);
  const stranger = ineligible.find((i) => !finalistIds.includes(i.applicantId));
  if (stranger) {
    fail(
      'POST.NOT_A_FINALIST',
      `${stranger.applicantId} bukan finalis ${post.plan.postId}`,
      `${stranger.applicantId} is not a finalist of ${post.plan.postId}`,
      { applicantId: stranger.applicantId },
    );
  }
  const out = new Set(ineligible.map((i) => i.applicantId));
  const remaining = finalistIds.filter((id) => !out.has(id) && applicantIn(post, id)?.withdrawn === false);
  const size = ctx.policy.numbers.shortlistSize.value;
  const acceptedFewer =
    acceptFewer && ctx.policy.numbers.fewerFinalistsWithOversight.value && remaining.length < size;
  const outcome =
    remaining.length === 0 || (remaining.length < size && !acceptedFewer) ? 'rerun-required' : 'approved';
  return [
    ctx.emit('ShortlistReviewed', {
      postId: post.plan.postId,
      issuedBy,
      letterNumber,
      ineligible,
      acceptedFewer,
      remaining,
      outcome,
    }),
  ];
}

/** AnnounceShortlist: the public top-3; under BKN policy only after BKN's approval (I-MUT). */
export function announceShortlist(command: AnnounceShortlist, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['shortlisted'], command.type);
  if (post.shortlist.announced) {
    fail('POST.WRONG_STATUS', 'Daftar nama sudah diumumkan', 'The shortlist is already announced', {
      postId: post.plan.postId,
    });
  }
  const reviewFirst = ctx.policy.shortlistReviewBeforeAnnouncement;
  if (reviewFirst.value && !post.shortlist.review) {
    const holder = holderOf(ctx, 'shortlistReview');
    fail(
      'SHORTLIST.REVIEW_REQUIRED',
      `Tiga besar diumumkan setelah disetujui ${holder} (${reviewFirst.source})`,
      `The top three are announced only after ${holder} approves (${reviewFirst.source})`,
      { postId: post.plan.postId, policyId: ctx.policy.id },
    );
  }
  const finalists = post.shortlist.review?.remaining ?? post.shortlist.finalists.map((f) => f.applicantId);
  return [ctx.emit('ShortlistAnnounced', { postId: post.plan.postId, finalists })];
}
