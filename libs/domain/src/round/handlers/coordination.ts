import type { RecordDprdLeadershipDecision, RecordGovernorReply, WithdrawAppointee } from '../commands';
import { requireAnnounced, requirePost, requirePostStatus, requireReason, type Ctx } from '../context';
import type { AppointeeReleaseCause, RoundEvent } from '../events';
import type { PostPlan, RoundPlan } from '../plan-types';
import { applicantIn, type PostState, type RoundState } from '../state';
import type { Policy } from '../../policy/types';
import { fail } from '../../shared/errors';

export const R24_SOURCE = 'UU 5/2014 Pasal 115 ayat 5; PP 11/2017 Pasal 127 ayat 3';
export const R25_SOURCE = 'PP 11/2017 Pasal 127 ayat 4; UU 23/2014 Pasal 205 ayat 2';

/** R24: a regency/city Sekda is coordinated with the governor (a provincial Sekda is JPT madya, not ours). */
export const governorCoordinationApplies = (plan: RoundPlan, post: PostPlan, policy?: Policy): boolean =>
  post.kind === 'sekda' &&
  plan.agency.level !== 'province' &&
  (policy?.extraApprovals.governorForSekdaKabKota.value ?? true);

/** R25: a Sekwan is appointed with the DPRD leadership's approval. */
export const dprdApprovalApplies = (post: PostPlan, policy?: Policy): boolean =>
  post.kind === 'sekwan' && (policy?.extraApprovals.dprdLeadershipForSekwan.value ?? true);

type ChosenPost = Extract<PostState, { status: 'chosen' }>;

/**
 * The chosen finalist stops being the appointee: the PPK chooses again among the finalists still
 * standing (W12), or the post goes to a re-run when none remain.
 */
function release(post: ChosenPost, cause: AppointeeReleaseCause, note: string, ctx: Ctx): RoundEvent {
  const { applicantId } = post.appointee;
  const remaining = (post.shortlist.review?.remaining ?? []).filter(
    (id) => id !== applicantId && applicantIn(post, id)?.withdrawn === false,
  );
  return ctx.emit('AppointeeReleased', {
    postId: post.plan.postId,
    applicantId,
    cause,
    note,
    remaining,
    next: remaining.length > 0 ? 'choose-again' : 'rerun-required',
  });
}

/** RecordGovernorReply: the governor agrees with or objects to the chosen Sekda (R24); an objection releases the finalist. */
export function recordGovernorReply(command: RecordGovernorReply, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['chosen'], command.type);
  const { postId } = post.plan;
  if (!governorCoordinationApplies(round.plan, post.plan)) {
    fail(
      'POST.GATE_NOT_APPLICABLE',
      'Jawaban gubernur hanya untuk Sekda kabupaten/kota',
      "The governor's reply applies to a regency/city Sekda only",
      { postId, kind: post.plan.kind },
    );
  }
  if (!post.appointee.governorReport) {
    fail(
      'POST.GOVERNOR_REQUEST_MISSING',
      `Koordinasi dengan gubernur belum diminta (R24, ${R24_SOURCE})`,
      `Coordination with the governor has not been requested (R24, ${R24_SOURCE})`,
      { postId },
    );
  }
  if (post.appointee.governorAgreement) {
    fail('POST.WRONG_STATUS', 'Gubernur sudah menyetujui', 'The governor has already agreed', { postId });
  }
  const { letterNumber, decision } = command.data;
  const objected = decision === 'objected';
  const reason = objected
    ? requireReason(command.data.reason, 'keberatan gubernur / governor objection')
    : '';
  const { applicantId } = post.appointee;
  const replied = ctx.emit('GovernorReplied', { postId, applicantId, letterNumber, decision, reason });
  return objected ? [replied, release(post, 'governor-objected', reason, ctx)] : [replied];
}

/** RecordDprdLeadershipDecision: the DPRD leadership approves or refuses the chosen Sekwan (R25); a refusal releases the finalist. */
export function recordDprdLeadershipDecision(
  command: RecordDprdLeadershipDecision,
  state: RoundState,
  ctx: Ctx,
): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['chosen'], command.type);
  const { postId } = post.plan;
  if (post.plan.kind !== 'sekwan') {
    fail(
      'POST.GATE_NOT_APPLICABLE',
      'Persetujuan pimpinan DPRD hanya untuk jabatan Sekretaris DPRD',
      "The DPRD leadership's approval applies to the DPRD secretary post only",
      { postId, kind: post.plan.kind },
    );
  }
  if (post.appointee.dprdApproval) {
    fail('POST.WRONG_STATUS', 'Pimpinan DPRD sudah menyetujui', 'The DPRD leadership has already approved', {
      postId,
    });
  }
  const { letterNumber, decision } = command.data;
  const refused = decision === 'refused';
  const reason = refused ? requireReason(command.data.reason, 'penolakan pimpinan DPRD / DPRD refusal') : '';
  const { applicantId } = post.appointee;
  const decided = ctx.emit('DprdLeadershipDecided', { postId, applicantId, letterNumber, decision, reason });
  return refused ? [decided, release(post, 'dprd-refused', reason, ctx)] : [decided];
}

/** WithdrawAppointee: the chosen finalist withdraws or fails the final checks before inauguration (W12). */
export function withdrawAppointee(command: WithdrawAppointee, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['chosen'], command.type);
  const note = requireReason(command.data.note, 'pengunduran finalis terpilih / appointee withdrawal');
  return [release(post, command.data.cause, note, ctx)];
}
