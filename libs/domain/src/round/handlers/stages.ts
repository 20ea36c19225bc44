import type { AmendStage, PublishStageResults, RecordStageResults } from '../commands';
import { candidatesFor, isProceeding, requireApplicant, requireCurrentStage } from '../applicants';
import {
  requireAnnounced,
  requireAuthority,
  requirePost,
  requirePostStatus,
  requireReason,
  type Ctx,
} from '../context';
import type { RoundEvent, StageResult } from '../events';
import type { StageDefinition } from '../plan-types';
import { rankStage } from '../ranking';
import type { PostState, RoundState } from '../state';
import { validateStageCatalogue } from '../validate-stages';
import { fail } from '../../shared/errors';
import { addYears, compareDates, type IsoDate } from '../../shared/time';

/** R27: a reused assessment must still be valid on the day its result is used. */
function checkAssessmentValidity(result: StageResult, ctx: Ctx): void {
  const reused = result.reusedAssessment;
  if (!reused) return;
  const validity = ctx.policy.numbers.assessmentValidityYears;
  const validUntil: IsoDate = addYears(reused.assessedOn, validity.value);
  if (compareDates(ctx.today, validUntil) <= 0) return;
  fail(
    'ASSESSMENT.EXPIRED',
    `Hasil asesmen ${result.applicantId} tanggal ${reused.assessedOn} berlaku sampai ${validUntil}; hari ini ${ctx.today} (R27, ${validity.source})`,
    `Assessment of ${result.applicantId} on ${reused.assessedOn} was valid until ${validUntil}; today is ${ctx.today} (R27, ${validity.source})`,
    {
      applicantId: result.applicantId,
      assessedOn: reused.assessedOn,
      validUntil,
      today: ctx.today,
      validityYears: validity.value,
    },
  );
}

function checkResult(
  post: PostState,
  stage: StageDefinition,
  result: StageResult,
  seen: Set<string>,
  ctx: Ctx,
): void {
  const applicant = requireApplicant(post, result.applicantId);
  if (!isProceeding(applicant)) {
    fail(
      'APPLICANT.NOT_PROCEEDING',
      `Pelamar ${result.applicantId} tidak lagi mengikuti seleksi`,
      `Applicant ${result.applicantId} is no longer in the selection`,
      { applicantId: result.applicantId },
    );
  }
  if (applicant.scores[stage.stageId] !== undefined || seen.has(result.applicantId)) {
    fail(
      'STAGE.RESULT_DUPLICATE',
      `Nilai ${result.applicantId} untuk tahap ${stage.stageId} sudah dicatat`,
      `A score for ${result.applicantId} in stage ${stage.stageId} is already recorded`,
      { applicantId: result.applicantId },
    );
  }
  if (!(result.score >= 0 && result.score <= stage.maxScore)) {
    fail(
      'STAGE.SCORE_OUT_OF_RANGE',
      `Nilai ${result.score} di luar rentang 0-${stage.maxScore}`,
      `Score ${result.score} is outside 0-${stage.maxScore}`,
      { applicantId: result.applicantId, score: result.score },
    );
  }
  checkAssessmentValidity(result, ctx);
  seen.add(result.applicantId);
}

/** RecordStageResults: scores for the current stage; absence at a test counts as withdrawal. */
export function recordStageResults(command: RecordStageResults, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['selection'], command.type);
  const { stageId, results, absent = [] } = command.data;
  const stage = requireCurrentStage(post, round.stages, stageId);
  if (stage.kind === 'administrative') {
    fail(
      'STAGE.NOT_CURRENT',
      'Seleksi administrasi dicatat sebagai putusan, bukan nilai',
      'The administrative stage takes verdicts, not scores',
      { stageId },
    );
  }
  const seen = new Set<string>();
  results.forEach((result) => checkResult(post, stage, result, seen, ctx));
  const postId = post.plan.postId;
  const withdrawals = absent.map((applicantId) => {
    if (seen.has(applicantId) || !isProceeding(requireApplicant(post, applicantId))) {
      fail(
        'APPLICANT.NOT_PROCEEDING',
        `Pelamar ${applicantId} tidak dapat dicatat absen`,
        `Applicant ${applicantId} cannot be recorded absent`,
        { applicantId },
      );
    }
    seen.add(applicantId);
    return ctx.emit('ApplicantWithdrawn', {
      postId,
      applicantId,
      cause: 'absent',
      note: `absent at ${stageId}`,
      stageId,
    });
  });
  const recorded = results.length > 0 ? [ctx.emit('StageResultsRecorded', { postId, stageId, results })] : [];
  return [...recorded, ...withdrawals];
}

/** PublishStageResults: the ranked scores and who proceeds (R21); every participant needs a result first. */
export function publishStageResults(command: PublishStageResults, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['selection'], command.type);
  const stage = requireCurrentStage(post, round.stages, command.data.stageId);
  const candidates = candidatesFor(post, stage);
  const missing = candidates
    .filter((a) => (stage.kind === 'administrative' ? !a.verdict : a.scores[stage.stageId] === undefined))
    .map((a) => a.applicantId);
  if (missing.length > 0) {
    fail(
      'STAGE.RESULTS_INCOMPLETE',
      `Hasil tahap ${stage.stageId} belum lengkap untuk ${missing.length} peserta (R21)`,
      `Stage ${stage.stageId} lacks results for ${missing.length} participant(s) (R21)`,
      { stageId: stage.stageId, missing },
    );
  }
  const ranking = rankStage(stage, candidates);
  const proceeding = ranking.filter((r) => r.proceeds).map((r) => r.applicantId);
  return [
    ctx.emit('StageResultsPublished', {
      postId: post.plan.postId,
      stageId: stage.stageId,
      ranking,
      proceeding,
    }),
  ];
}

/** AmendStage: after announcement the catalogue changes only with a reason and the overseer's approval. */
export function amendStage(command: AmendStage, state: RoundState, ctx: Ctx): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const { stage, issuedBy, letterNumber } = command.data;
  const previous = round.stages.find((s) => s.stageId === stage.stageId);
  if (!previous)
    fail(
      'STAGE.UNKNOWN',
      `Tahap ${stage.stageId} tidak ada dalam katalog`,
      `Stage ${stage.stageId} is not in the catalogue`,
      {},
    );
  const reason = requireReason(command.data.reason, 'amandemen tahap / stage amendment');
  requireAuthority(ctx, 'stageAmendment', issuedBy);
  const touched = round.postIds.filter((id) => {
    const post = round.posts[id];
    return (
      post?.published.includes(stage.stageId) ||
      post?.applicants.some((a) => a.scores[stage.stageId] !== undefined)
    );
  });
  if (touched.length > 0 || stage.kind !== previous.kind) {
    fail(
      'STAGE.ALREADY_HAS_RESULTS',
      `Tahap ${stage.stageId} sudah berjalan atau jenisnya diubah`,
      `Stage ${stage.stageId} already has results, or its kind would change`,
      { stageId: stage.stageId, posts: touched },
    );
  }
  validateStageCatalogue(round.stages.map((s) => (s.stageId === stage.stageId ? stage : s)));
  return [ctx.emit('StageAmended', { stage, previous, reason, issuedBy, letterNumber })];
}
