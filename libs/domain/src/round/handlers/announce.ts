import type { AnnounceRound } from '../commands';
import type { Ctx } from '../context';
import { requireMendagriApproval } from '../election-window';
import type { RoundEvent } from '../events';
import type { RoundState } from '../state';
import { validateLeadTime } from '../validate-plan';
import { fail } from '../../shared/errors';

const ANNOUNCE_SOURCE = 'PP 11/2017 Pasal 117 ayat 4-5';

function missingFields(
  command: AnnounceRound,
  state: Extract<RoundState, { status: 'recommended' }>,
): string[] {
  const missing: string[] = [];
  if (command.data.secretariatContact.trim() === '') missing.push('secretariatContact');
  for (const post of state.plan.posts) {
    const skj = post.competencyStandard;
    if (skj.technical.length + skj.managerial.length + skj.socioCultural.length === 0)
      missing.push(`${post.postId}.competencyStandard`);
    if (post.requirements.notes.length === 0 && !post.requirements.minRank)
      missing.push(`${post.postId}.requirements`);
  }
  return missing;
}

/** AnnounceRound: needs the plan recommendation; checks reach (R5), fields (R6), lead time (R4); freezes the rules. */
export function announceRound(command: AnnounceRound, state: RoundState, ctx: Ctx): RoundEvent[] {
  if (state.status !== 'recommended') {
    fail(
      'ROUND.WRONG_STATUS',
      `Pengumuman memerlukan rekomendasi rencana (status ${state.status})`,
      `Announcing needs the plan recommendation (status ${state.status})`,
      { status: state.status },
    );
  }
  const { reach, signedBy, secretariatContact } = command.data;
  if (reach === 'agency') {
    fail(
      'ROUND.ANNOUNCEMENT_REACH_TOO_NARROW',
      'Pengumuman harus nasional atau antar kabupaten/kota dalam provinsi (R5, UU 5/2014 Pasal 108 ayat 4; PP 11/2017 Pasal 117 ayat 3)',
      'The announcement must be national or across the regencies/cities of the province (R5, UU 5/2014 108(4); PP 117(3))',
      { reach },
    );
  }
  const missing = missingFields(command, state);
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
    }),
  ];
}
