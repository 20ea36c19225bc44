import type { CancelPost, CancelRound, RerunPost } from '../commands';
import { isProceeding } from '../applicants';
import { requireAnnounced, requireAuthority, requirePost, requireReason, type Ctx } from '../context';
import type { RoundEvent } from '../events';
import { TERMINAL_POST_STATUSES, type PostState, type RoundState } from '../state';
import { validateLeadTime } from '../validate-plan';
import { fail } from '../../shared/errors';

/** CancelPost: any non-final post, with a reason. */
export function cancelPost(command: CancelPost, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePost(round, command.data.postId);
  if (TERMINAL_POST_STATUSES.includes(post.status)) {
    fail(
      'POST.WRONG_STATUS',
      `Jabatan ${post.plan.postId} sudah selesai (${post.status})`,
      `Post ${post.plan.postId} is already final (${post.status})`,
      {
        status: post.status,
      },
    );
  }
  const reason = requireReason(command.data.reason, 'pembatalan jabatan / post cancellation');
  return [ctx.emit('PostCancelled', { postId: post.plan.postId, reason })];
}

/** CancelRound: the whole round, with a reason, before it closes. */
export function cancelRound(command: CancelRound, state: RoundState, ctx: Ctx): RoundEvent[] {
  if (state.status === 'empty' || state.status === 'cancelled' || state.status === 'closed') {
    fail(
      'ROUND.WRONG_STATUS',
      `Ronde tidak dapat dibatalkan pada status ${state.status}`,
      `The round cannot be cancelled while ${state.status}`,
      {
        status: state.status,
      },
    );
  }
  return [
    ctx.emit('RoundCancelled', {
      reason: requireReason(command.data.reason, 'pembatalan ronde / round cancellation'),
    }),
  ];
}

const nobodyLeft = (post: PostState): boolean =>
  post.status === 'selection' && post.published.length > 0 && !post.applicants.some(isProceeding);

/** RerunPost: a fresh registration for one post, on the overseer's recommendation, with a new 15-day notice (R4). */
export function rerunPost(command: RerunPost, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePost(round, command.data.postId);
  const rerunnable =
    post.status === 'rerun-required' ||
    post.status === 'dropped' ||
    post.status === 'postponed' ||
    nobodyLeft(post);
  if (!rerunnable) {
    fail(
      'POST.WRONG_STATUS',
      `Jabatan ${post.plan.postId} (${post.status}) tidak dapat diulang`,
      `Post ${post.plan.postId} (${post.status}) cannot be re-run`,
      {
        status: post.status,
      },
    );
  }
  const { issuedBy, letterNumber, registrationDeadline } = command.data;
  requireAuthority(ctx, 'rerunRecommendation', issuedBy);
  const reason = requireReason(command.data.reason, 'seleksi ulang / re-run');
  validateLeadTime(ctx.today, registrationDeadline, ctx.policy, ctx.holidays);
  return [
    ctx.emit('PostRerunStarted', {
      postId: post.plan.postId,
      run: post.run + 1,
      reason,
      issuedBy,
      letterNumber,
      announcedOn: ctx.today,
      registrationDeadline,
    }),
  ];
}
