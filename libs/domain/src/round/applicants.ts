import type { StageDefinition } from './plan-types';
import { applicantIn, type ApplicantState, type PostState } from './state';
import { fail } from '../shared/errors';

/** Still in the running after the administrative stage: eligible, not withdrawn, not eliminated. */
export function isProceeding(applicant: ApplicantState): boolean {
  return applicant.verdict === 'eligible' && !applicant.withdrawn && applicant.eliminatedAt === undefined;
}

/** Applicants who take part in `stage` (all non-withdrawn applicants for the administrative stage). */
export function candidatesFor(post: PostState, stage: StageDefinition): ApplicantState[] {
  return stage.kind === 'administrative'
    ? post.applicants.filter((a) => !a.withdrawn)
    : post.applicants.filter(isProceeding);
}

export function requireApplicant(post: PostState, applicantId: string): ApplicantState {
  const applicant = applicantIn(post, applicantId);
  if (!applicant) {
    fail(
      'APPLICANT.UNKNOWN',
      `Pelamar ${applicantId} tidak terdaftar pada ${post.plan.postId}`,
      `Applicant ${applicantId} is not registered for ${post.plan.postId}`,
      { postId: post.plan.postId, applicantId },
    );
  }
  return applicant;
}

/** The stage the post is at: the first one not yet published (R21: stages run and publish in order). */
export function currentStage(
  post: PostState,
  stages: readonly StageDefinition[],
): StageDefinition | undefined {
  return stages[post.published.length];
}

/** The stage with this id, which must be the post's current stage. */
export function requireCurrentStage(
  post: PostState,
  stages: readonly StageDefinition[],
  stageId: string,
): StageDefinition {
  const stage = stages.find((s) => s.stageId === stageId);
  if (!stage)
    fail(
      'STAGE.UNKNOWN',
      `Tahap ${stageId} tidak ada dalam katalog`,
      `Stage ${stageId} is not in the catalogue`,
      { stageId },
    );
  if (post.published.includes(stageId)) {
    fail(
      'STAGE.ALREADY_PUBLISHED',
      `Hasil tahap ${stageId} sudah diumumkan`,
      `Results of stage ${stageId} are already published`,
      { stageId },
    );
  }
  const current = currentStage(post, stages);
  if (current?.stageId !== stageId) {
    fail(
      'STAGE.NOT_CURRENT',
      `Tahap ${stageId} belum dapat dijalankan: hasil tahap ${current?.stageId ?? '-'} belum diumumkan (R21, PP 11/2017 Pasal 121)`,
      `Stage ${stageId} cannot run yet: results of stage ${current?.stageId ?? '-'} are not published (R21, PP 11/2017 Pasal 121)`,
      { stageId, currentStage: current?.stageId },
    );
  }
  return stage;
}
