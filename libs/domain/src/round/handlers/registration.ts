import type {
  CloseRegistration,
  DecideUnderfilledPost,
  ExtendRegistration,
  RegisterApplicant,
} from '../commands';
import {
  requireAnnounced,
  requireAuthority,
  requirePost,
  requirePostStatus,
  requireReason,
  type Ctx,
} from '../context';
import type { RoundEvent } from '../events';
import type { AnnouncedRound, PostState, RoundState } from '../state';
import { fail } from '../../shared/errors';
import { addDays, compareDates } from '../../shared/time';

/** Posts of this run where the NIP is registered (a re-run starts a fresh list). */
function postsAppliedFor(round: AnnouncedRound, nip: string): string[] {
  return round.postIds.filter((id) => {
    const post = round.posts[id];
    return post?.applicants.some((a) => a.profile.nip === nip);
  });
}

const activeApplicants = (post: PostState): number => post.applicants.filter((a) => !a.withdrawn).length;

/** RegisterApplicant: an applicant or invitee for one post, until that post's (possibly extended) deadline. */
export function registerApplicant(command: RegisterApplicant, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const { postId, applicantId, applicant, invited = false } = command.data;
  const post = requirePost(round, postId);
  if (post.status !== 'registration' || compareDates(ctx.today, post.deadline) > 0) {
    fail(
      'ROUND.REGISTRATION_CLOSED',
      `Pendaftaran untuk ${postId} sudah ditutup (batas ${post.deadline})`,
      `Registration for ${postId} is closed (deadline ${post.deadline})`,
      { postId, deadline: post.deadline, status: post.status },
    );
  }
  const duplicate = post.applicants.find(
    (a) => a.applicantId === applicantId || a.profile.nip === applicant.nip,
  );
  if (duplicate) {
    fail(
      'APPLICANT.DUPLICATE',
      `Pelamar ${applicant.nip} sudah terdaftar pada ${postId}`,
      `Applicant ${applicant.nip} is already registered for ${postId}`,
      { postId, applicantId, nip: applicant.nip },
    );
  }
  const max = ctx.policy.numbers.maxPostsPerApplicant;
  const already = postsAppliedFor(round, applicant.nip);
  if (already.length >= max.value) {
    fail(
      'APPLICANT.TOO_MANY_POSTS',
      `NIP ${applicant.nip} sudah melamar ${already.length} jabatan; batas ${max.value}`,
      `NIP ${applicant.nip} already applied for ${already.length} post(s); the limit is ${max.value}`,
      { posts: already, max: max.value },
    );
  }
  const conflictedMembers = round.plan.pansel.members
    .filter((m) => m.conflictsOfInterest.some((c) => c.nip === applicant.nip))
    .map((m) => m.memberId);
  return [ctx.emit('ApplicantRegistered', { postId, applicantId, applicant, invited, conflictedMembers })];
}

/** ExtendRegistration: only below the minimum (R18), by the policy's days, at most the policy's count (R19). */
export function extendRegistration(command: ExtendRegistration, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['registration'], command.type);
  const {
    minApplicantsPerPost: min,
    maxExtensions: max,
    extensionDays: days,
    extensionCounting: counting,
  } = ctx.policy.numbers;
  const applicants = activeApplicants(post);
  if (applicants >= min.value) {
    fail(
      'POST.EXTENSION_NOT_NEEDED',
      `${applicants} pelamar sudah memenuhi minimum ${min.value} (R18, ${min.source})`,
      `${applicants} applicants already meet the minimum of ${min.value} (R18, ${min.source})`,
      { applicants, minimum: min.value },
    );
  }
  if (post.extensions >= max.value) {
    fail(
      'POST.EXTENSION_LIMIT_REACHED',
      `Perpanjangan sudah ${post.extensions} kali; paling banyak ${max.value} (R19, ${max.source})`,
      `Already extended ${post.extensions} times; at most ${max.value} (R19, ${max.source})`,
      { extensions: post.extensions, max: max.value },
    );
  }
  const approval = command.data.approval;
  if (ctx.policy.gates.extensionApproval.value !== 'none')
    requireAuthority(ctx, 'extensionApproval', approval?.issuedBy);
  const newDeadline = addDays(post.deadline, days.value, counting.value, ctx.holidays);
  return [
    ctx.emit('RegistrationExtended', {
      postId: post.plan.postId,
      extension: post.extensions + 1,
      previousDeadline: post.deadline,
      newDeadline,
      applicants,
      ...(approval ? { approval } : {}),
    }),
  ];
}

/** CloseRegistration: at the deadline; below the minimum after the last extension the overseer must decide. */
export function closeRegistration(command: CloseRegistration, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['registration'], command.type);
  const postId = post.plan.postId;
  if (compareDates(ctx.today, post.deadline) < 0) {
    fail(
      'ROUND.REGISTRATION_STILL_OPEN',
      `Pendaftaran ${postId} masih dibuka sampai ${post.deadline}`,
      `Registration for ${postId} stays open until ${post.deadline}`,
      { postId, deadline: post.deadline },
    );
  }
  const { minApplicantsPerPost: min, maxExtensions: max } = ctx.policy.numbers;
  const applicants = activeApplicants(post);
  if (applicants >= min.value)
    return [ctx.emit('RegistrationClosed', { postId, applicants, continuedWithFewer: false })];
  if (post.extensions < max.value) {
    fail(
      'POST.BELOW_MINIMUM_APPLICANTS',
      `${applicants} pelamar di bawah minimum ${min.value}; perpanjang pendaftaran (${post.extensions}/${max.value}) (R18, ${min.source})`,
      `${applicants} applicants is below the minimum of ${min.value}; extend registration (${post.extensions}/${max.value}) (R18, ${min.source})`,
      { postId, applicants, minimum: min.value, extensions: post.extensions },
    );
  }
  return [
    ctx.emit('MinimumApplicantsNotReached', {
      postId,
      applicants,
      minimum: min.value,
      extensionsUsed: post.extensions,
    }),
  ];
}

/** DecideUnderfilledPost: after the last extension the overseer chooses: continue with fewer, drop, or postpone (R19). */
export function decideUnderfilledPost(
  command: DecideUnderfilledPost,
  state: RoundState,
  ctx: Ctx,
): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(
    requirePost(round, command.data.postId),
    ['awaiting-oversight'],
    command.type,
  );
  const { issuedBy, letterNumber, decision } = command.data;
  requireAuthority(ctx, 'underfilledPostDecision', issuedBy);
  const reason = requireReason(
    command.data.reason,
    'keputusan jabatan kurang pelamar / underfilled post decision',
  );
  const postId = post.plan.postId;
  const applicants = activeApplicants(post);
  if (decision === 'continue' && applicants === 0) {
    fail(
      'POST.BELOW_MINIMUM_APPLICANTS',
      `Tidak ada pelamar untuk ${postId}; seleksi tidak dapat dilanjutkan`,
      `No applicants for ${postId}; the selection cannot continue`,
      { postId },
      'R18',
    );
  }
  const decided = ctx.emit('UnderfilledPostDecided', { postId, issuedBy, letterNumber, decision, reason });
  if (decision !== 'continue') return [decided];
  return [decided, ctx.emit('RegistrationClosed', { postId, applicants, continuedWithFewer: true })];
}
