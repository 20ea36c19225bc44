import type { ChooseAppointee, ConsultDprdLeadership, ReportToGovernor } from '../commands';
import { requireAnnounced, requirePost, requirePostStatus, type Ctx } from '../context';
import type { RoundEvent } from '../events';
import { applicantIn, type AnnouncedRound, type PostState, type RoundState } from '../state';
import { governorCoordinationApplies } from './coordination';
import { fail } from '../../shared/errors';

const CHOICE_SOURCE = 'UU 5/2014 Pasal 115 ayat 4; PP 11/2017 Pasal 127 ayat 2, Pasal 129';

/** Other posts of the round whose finalists include this applicant id or NIP (to explain an R23 refusal). */
function finalistElsewhere(round: AnnouncedRound, post: PostState, applicantId: string): string[] {
  const nip = applicantIn(post, applicantId)?.profile.nip;
  return round.postIds.filter((id) => {
    const other = round.posts[id];
    if (!other || id === post.plan.postId || !('shortlist' in other)) return false;
    return other.shortlist.finalists.some(
      (f) => f.applicantId === applicantId || applicantIn(other, f.applicantId)?.profile.nip === nip,
    );
  });
}

/** ChooseAppointee: the PPK picks exactly one reviewed, announced finalist of this post (R23); a Sekwan then awaits the DPRD leadership (R25). */
export function chooseAppointee(command: ChooseAppointee, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['shortlisted'], command.type);
  const postId = post.plan.postId;
  const { applicantId, note = '' } = command.data;
  const review = post.shortlist.review;
  if (!review || !post.shortlist.announced) {
    fail(
      'GATE.APPROVAL_MISSING',
      'Daftar tiga besar belum direviu pengawas dan diumumkan',
      'The shortlist has not been reviewed by the overseer and announced',
      { postId, reviewed: !!review, announced: post.shortlist.announced },
    );
  }
  if (!review.remaining.includes(applicantId) || applicantIn(post, applicantId)?.withdrawn !== false) {
    fail(
      'POST.NOT_A_FINALIST',
      `${applicantId} bukan finalis ${postId}; PPK hanya memilih dari finalis jabatan ini (R23, ${CHOICE_SOURCE})`,
      `${applicantId} is not a finalist of ${postId}; the PPK may only choose among this post's finalists (R23, ${CHOICE_SOURCE})`,
      {
        postId,
        applicantId,
        finalists: review.remaining,
        finalistOf: finalistElsewhere(round, post, applicantId),
      },
    );
  }
  return [ctx.emit('AppointeeChosen', { postId, applicantId, note })];
}

/** ConsultDprdLeadership: an optional consultation before the choice; the binding step is the approval after it (R25). */
export function consultDprdLeadership(
  command: ConsultDprdLeadership,
  state: RoundState,
  ctx: Ctx,
): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['shortlisted'], command.type);
  if (post.plan.kind !== 'sekwan') {
    fail(
      'POST.GATE_NOT_APPLICABLE',
      `Konsultasi pimpinan DPRD hanya untuk jabatan Sekretaris DPRD`,
      'DPRD leadership consultation applies to the DPRD secretary post only',
      { postId: post.plan.postId, kind: post.plan.kind },
    );
  }
  return [
    ctx.emit('DprdLeadershipConsulted', {
      postId: post.plan.postId,
      letterNumber: command.data.letterNumber,
    }),
  ];
}

/** ReportToGovernor: the request to coordinate a Sekda kab/kota appointee with the governor (R24); the reply follows. */
export function reportToGovernor(command: ReportToGovernor, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['chosen'], command.type);
  if (!governorCoordinationApplies(round.plan, post.plan)) {
    fail(
      'POST.GATE_NOT_APPLICABLE',
      'Koordinasi dengan gubernur hanya untuk Sekda kabupaten/kota',
      'Coordination with the governor applies to a regency/city Sekda only',
      { postId: post.plan.postId },
    );
  }
  if (post.appointee.governorReport) {
    fail('POST.WRONG_STATUS', 'Koordinasi sudah diminta', 'Coordination already requested', {
      postId: post.plan.postId,
    });
  }
  const { applicantId } = post.appointee;
  return [
    ctx.emit('AppointeeReportedToGovernor', {
      postId: post.plan.postId,
      applicantId,
      letterNumber: command.data.letterNumber,
    }),
  ];
}
