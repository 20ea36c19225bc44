import type { RecordAdministrativeVerdict, WithdrawApplicant } from '../commands';
import { requireApplicant } from '../applicants';
import { requireAnnounced, requirePost, requirePostStatus, type Ctx } from '../context';
import type { RoundEvent } from '../events';
import type { RoundState } from '../state';
import { evaluateEligibility, type FailedRequirement } from '../../rules/evaluate';
import { fail } from '../../shared/errors';

/** RecordAdministrativeVerdict: the predicates decide from the declared data; pansel findings can only add failures. */
export function recordAdministrativeVerdict(
  command: RecordAdministrativeVerdict,
  state: RoundState,
  ctx: Ctx,
): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['selection'], command.type);
  if (post.published.length > 0) {
    fail(
      'STAGE.ALREADY_PUBLISHED',
      'Hasil seleksi administrasi sudah diumumkan',
      'Administrative results are already published',
      {
        postId: post.plan.postId,
      },
    );
  }
  const applicant = requireApplicant(post, command.data.applicantId);
  if (applicant.verdict || applicant.withdrawn) {
    fail(
      'APPLICANT.ALREADY_VERIFIED',
      `Pelamar ${applicant.applicantId} sudah diverifikasi atau mengundurkan diri`,
      `Applicant ${applicant.applicantId} is already verified or withdrawn`,
      { applicantId: applicant.applicantId },
    );
  }
  const outcome = evaluateEligibility(applicant.profile, {
    policy: ctx.policy,
    referenceDate: round.plan.schedule.referenceDate,
    ...(post.plan.requirements.minRank ? { minRank: post.plan.requirements.minRank } : {}),
  });
  const findings: FailedRequirement[] = (command.data.findings ?? []).map((f) => ({
    predicateId: 'pansel-finding',
    ruleId: f.ruleId,
    reason: { id: f.note, en: f.note },
  }));
  const failed = [...outcome.failed, ...findings];
  return [
    ctx.emit('AdministrativeVerdictRecorded', {
      postId: post.plan.postId,
      applicantId: applicant.applicantId,
      verdict: failed.length === 0 ? 'eligible' : 'ineligible',
      failed,
      waived: outcome.waived,
    }),
  ];
}

/** WithdrawApplicant: a declared withdrawal (absence at a test is recorded with the stage results). */
export function withdrawApplicant(command: WithdrawApplicant, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const statuses = ['registration', 'awaiting-oversight', 'selection', 'shortlisted'] as const;
  const post = requirePostStatus(requirePost(round, command.data.postId), statuses, command.type);
  const applicant = requireApplicant(post, command.data.applicantId);
  if (applicant.withdrawn) {
    fail(
      'APPLICANT.ALREADY_WITHDRAWN',
      `Pelamar ${applicant.applicantId} sudah mengundurkan diri`,
      `Applicant ${applicant.applicantId} has already withdrawn`,
      { applicantId: applicant.applicantId },
    );
  }
  const { cause, note } = command.data;
  return [
    ctx.emit('ApplicantWithdrawn', {
      postId: post.plan.postId,
      applicantId: applicant.applicantId,
      cause,
      note,
    }),
  ];
}
