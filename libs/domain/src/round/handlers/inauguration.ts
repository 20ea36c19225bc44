import type {
  InaugurateAppointee,
  IssueAppointmentDecree,
  RecordInaugurationRecommendation,
} from '../commands';
import {
  holderOf,
  requireAnnounced,
  requireAuthority,
  requirePost,
  requirePostStatus,
  type Ctx,
} from '../context';
import { requireMendagriApproval } from '../election-window';
import { dprdApprovalApplies, governorCoordinationApplies, R24_SOURCE, R25_SOURCE } from './coordination';
import type { RoundEvent, Witness } from '../events';
import type { JobLevel } from '../plan-types';
import { applicantIn, type RoundState } from '../state';
import { fail } from '../../shared/errors';
import { ageOn, dayNumber } from '../../shared/time';

const LEVEL: Record<JobLevel, number> = {
  'jpt-utama': 5,
  'jpt-madya': 4,
  'jpt-pratama': 3,
  administrator: 2,
  pengawas: 1,
};
const APPOINTEE_LEVEL: JobLevel = 'jpt-pratama';

/** RecordInaugurationRecommendation: the overseer's recommendation to inaugurate the chosen finalist. */
export function recordInaugurationRecommendation(
  command: RecordInaugurationRecommendation,
  state: RoundState,
  ctx: Ctx,
): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['chosen'], command.type);
  const { issuedBy, letterNumber } = command.data;
  requireAuthority(ctx, 'inaugurationRecommendation', issuedBy);
  return [
    ctx.emit('InaugurationRecommended', {
      postId: post.plan.postId,
      applicantId: post.appointee.applicantId,
      issuedBy,
      letterNumber,
    }),
  ];
}

/** IssueAppointmentDecree: needs the governor's agreement for Sekda kab/kota (R24), the DPRD leadership's for Sekwan (R25), the overseer's recommendation, Mendagri in a window (R29). */
export function issueAppointmentDecree(
  command: IssueAppointmentDecree,
  state: RoundState,
  ctx: Ctx,
): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['chosen'], command.type);
  const { postId } = post.plan;
  const { appointee } = post;
  if (governorCoordinationApplies(round.plan, post.plan, ctx.policy) && !appointee.governorAgreement) {
    fail(
      'POST.GOVERNOR_AGREEMENT_MISSING',
      `Sekda kabupaten/kota diangkat setelah gubernur menyetujui hasil koordinasi (R24, ${R24_SOURCE})`,
      `A regency/city Sekda is decreed only after the governor agrees (R24, ${R24_SOURCE})`,
      { postId, requested: !!appointee.governorReport },
    );
  }
  if (dprdApprovalApplies(post.plan, ctx.policy) && !appointee.dprdApproval) {
    fail(
      'POST.DPRD_APPROVAL_MISSING',
      `Sekretaris DPRD diangkat dengan persetujuan pimpinan DPRD (R25, ${R25_SOURCE})`,
      `The DPRD secretary is decreed only with the DPRD leadership's approval (R25, ${R25_SOURCE})`,
      { postId },
    );
  }
  const gate = holderOf(ctx, 'inaugurationRecommendation');
  if (gate !== 'none' && !appointee.inaugurationRecommendation) {
    fail(
      'GATE.APPROVAL_MISSING',
      `Rekomendasi pelantikan dari ${gate} belum ada`,
      `The ${gate} inauguration recommendation is missing`,
      { postId, gate },
    );
  }
  if (appointee.decree)
    fail('POST.WRONG_STATUS', 'Keputusan sudah terbit', 'The decree is already issued', { postId });
  requireMendagriApproval(
    round.plan.electionCalendar,
    round.mendagriApprovals,
    'inauguration',
    ctx.today,
    ctx.policy,
    postId,
  );
  const profile = applicantIn(post, appointee.applicantId)?.profile;
  const retirement = ctx.policy.numbers.retirementAge;
  if (profile && ageOn(profile.dateOfBirth, ctx.today).years >= retirement.value) {
    fail(
      'APPLICANT.RETIREMENT_AGE_REACHED',
      `${appointee.applicantId} telah mencapai batas usia pensiun ${retirement.value} tahun (R33, ${retirement.source})`,
      `${appointee.applicantId} has reached the retirement age of ${retirement.value} (R33, ${retirement.source})`,
      { postId },
    );
  }
  return [
    ctx.emit('AppointmentDecreed', {
      postId,
      applicantId: appointee.applicantId,
      decreeNumber: command.data.decreeNumber,
    }),
  ];
}

function checkWitnesses(witnesses: readonly Witness[]): void {
  const distinct = new Set(witnesses.map((w) => w.nip)).size === witnesses.length;
  const junior = witnesses.filter((w) => LEVEL[w.level] < LEVEL[APPOINTEE_LEVEL]);
  if (witnesses.length === 2 && distinct && junior.length === 0) return;
  fail(
    'OATH.WITNESSES_INVALID',
    'Sumpah jabatan disaksikan 2 orang saksi dengan jabatan paling rendah setara jabatan yang dilantik (R26, PP 11/2017 Pasal 139)',
    "The oath needs 2 distinct witnesses holding a post at least equal to the appointee's (R26, PP 11/2017 Pasal 139)",
    { count: witnesses.length, distinct, junior: junior.map((w) => w.nip) },
  );
}

/** InaugurateAppointee: after the decree; the oath with 2 witnesses of at least equal post (R26); R29 checked on the day. */
export function inaugurateAppointee(command: InaugurateAppointee, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['chosen'], command.type);
  const { postId } = post.plan;
  const { inauguratedOn, witnesses, clergy, minutesNumber } = command.data;
  if (!post.appointee.decree)
    fail(
      'GATE.APPROVAL_MISSING',
      'Keputusan pengangkatan belum terbit',
      'The appointment decree is missing',
      { postId },
    );
  dayNumber(inauguratedOn);
  checkWitnesses(witnesses);
  requireMendagriApproval(
    round.plan.electionCalendar,
    round.mendagriApprovals,
    'inauguration',
    inauguratedOn,
    ctx.policy,
    postId,
  );
  const { applicantId } = post.appointee;
  return [
    ctx.emit('AppointeeInaugurated', {
      postId,
      applicantId,
      inauguratedOn,
      witnesses,
      clergy,
      minutesNumber,
    }),
  ];
}
