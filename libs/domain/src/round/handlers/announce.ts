import type { AnnounceRound } from '../commands';
import type { Ctx } from '../context';
import { requireMendagriApproval } from '../election-window';
import type { RoundEvent } from '../events';
import type { RoundState } from '../state';
import { validateLeadTime } from '../validate-plan';
import { fail } from '../../shared/errors';
import { compareDates, isIsoDate } from '../../shared/time';

const ANNOUNCE_SOURCE = 'PP 11/2017 Pasal 117 ayat 1, 4-5';

type Recommended = Extract<RoundState, { status: 'recommended' }>;

/** R6: each stage of the catalogue has its method and its dates (on or after the deadline, in order). */
function scheduleGaps(command: AnnounceRound, state: Recommended, ctx: Ctx): string[] {
  const missing: string[] = [];
  const { stageSchedule, media } = command.data;
  if (!ctx.announcementContentRequired && stageSchedule === undefined && media === undefined) return missing;
  for (const stage of state.plan.stages)
    if (stage.method.trim() === '') missing.push(`stages.${stage.stageId}.method`);
  if ((media ?? []).every((m) => m.trim() === '')) missing.push('media');
  const deadline = state.plan.schedule.registrationDeadline;
  for (const stage of state.plan.stages) {
    const slot = stageSchedule?.find((s) => s.stageId === stage.stageId);
    const valid =
      slot !== undefined &&
      isIsoDate(slot.from) &&
      isIsoDate(slot.to) &&
      compareDates(slot.from, deadline) >= 0 &&
      compareDates(slot.from, slot.to) <= 0;
    if (!valid) missing.push(`stageSchedule.${stage.stageId}`);
  }
  for (const slot of stageSchedule ?? [])
    if (!state.plan.stages.some((s) => s.stageId === slot.stageId))
      missing.push(`stageSchedule.${slot.stageId}`);
  return missing;
}

function missingFields(command: AnnounceRound, state: Recommended, ctx: Ctx): string[] {
  const missing: string[] = [];
  if (command.data.secretariatContact.trim() === '') missing.push('secretariatContact');
  for (const post of state.plan.posts) {
    const skj = post.competencyStandard;
    if (skj.technical.length + skj.managerial.length + skj.socioCultural.length === 0)
      missing.push(`${post.postId}.competencyStandard`);
    if (post.requirements.notes.length === 0 && !post.requirements.minRank)
      missing.push(`${post.postId}.requirements`);
  }
  return [...missing, ...scheduleGaps(command, state, ctx)];
}

/**
 * AnnounceRound: needs the plan recommendation; checks reach (R5), fields (R6: with the stage
 * schedule, methods and media), lead time (R4); freezes the rules.
 */
export function announceRound(command: AnnounceRound, state: RoundState, ctx: Ctx): RoundEvent[] {
  if (state.status !== 'recommended') {
    fail(
      'ROUND.WRONG_STATUS',
      `Pengumuman memerlukan rekomendasi rencana (status ${state.status})`,
      `Announcing needs the plan recommendation (status ${state.status})`,
      { status: state.status },
    );
  }
  const { reach, signedBy, secretariatContact, stageSchedule, media } = command.data;
  if (reach === 'agency') {
    fail(
      'ROUND.ANNOUNCEMENT_REACH_TOO_NARROW',
      'Pengumuman harus nasional atau antar kabupaten/kota dalam provinsi (R5, UU 5/2014 Pasal 108 ayat 4; PP 11/2017 Pasal 117 ayat 3)',
      'The announcement must be national or across the regencies/cities of the province (R5, UU 5/2014 108(4); PP 117(3))',
      { reach },
    );
  }
  const missing = missingFields(command, state, ctx);
  if (missing.length > 0) {
    fail(
      'ROUND.ANNOUNCEMENT_INCOMPLETE',
      `Pengumuman belum memuat: ${missing.join(', ')} (R6, ${ANNOUNCE_SOURCE})`,
      `The announcement lacks: ${missing.join(', ')} (R6, ${ANNOUNCE_SOURCE})`,
      { missing },
    );
  }
  const deadline = state.plan.schedule.registrationDeadline;
  validateLeadTime(ctx.today, deadline, ctx.policy, ctx.holidays);
  requireMendagriApproval(
    state.plan.electionCalendar,
    state.mendagriApprovals,
    'selection',
    ctx.today,
    ctx.policy,
  );
  return [
    ctx.emit('RoundAnnounced', {
      announcedOn: ctx.today,
      registrationDeadline: deadline,
      reach,
      signedBy,
      secretariatContact,
      policyId: state.policyId,
      stages: state.plan.stages,
      ...(stageSchedule ? { stageSchedule } : {}),
      ...(media ? { media: media.map((m) => m.trim()).filter((m) => m !== '') } : {}),
    }),
  ];
}
