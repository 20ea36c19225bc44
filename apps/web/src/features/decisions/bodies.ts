// Pure builders of decision bodies from what a form holds: each gives the typed body the API's
// document declares (api/decisions.ts), or null while the form is not complete, so <DecisionSubmit>
// neither checks nor sends half a decision. The domain stays the judge of whether it is allowed.
import type { DecisionBody as Body } from '../../api/decisions';

/** A rule id of PROCESS.md (R1-R33), as the API's document enumerates them. */
export type RuleId = NonNullable<Body<'RecordAdministrativeVerdict'>['findings']>[number]['ruleId'];
export type OversightBody = Body<'RecordPlanRecommendation'>['issuedBy'];
export type WitnessLevel = Body<'InaugurateAppointee'>['witnesses'][number]['level'];

/** A trimmed text, or null when nothing is left. */
export const filled = (text: string | null | undefined): string | null => {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

/** The letter an oversight body records a gate with; null while the liaison's body or the number is missing. */
export function oversightLetter(
  issuedBy: OversightBody | undefined,
  letterNumber: string,
): { issuedBy: OversightBody; letterNumber: string } | null {
  const number = filled(letterNumber);
  return issuedBy && number ? { issuedBy, letterNumber: number } : null;
}

export type Verdict = 'pass' | 'fail';

/** Pass: no finding (the API's predicates still check the declared data). Fail: each failed rule with its note. */
export function verdictBody(
  postId: string | null,
  applicantId: string | null,
  verdict: Verdict | null,
  findings: ReadonlyArray<{ ruleId: RuleId; note: string }>,
): Body<'RecordAdministrativeVerdict'> | null {
  if (!postId || !applicantId || !verdict) return null;
  if (verdict === 'pass') return { postId, applicantId };
  const notes = findings.flatMap((f) => {
    const note = filled(f.note);
    return note ? [{ ruleId: f.ruleId, note }] : [];
  });
  if (notes.length === 0 || notes.length < findings.length) return null;
  return { postId, applicantId, findings: notes };
}

/** One row of the stage-score table: a score, or absent (withdrawn, PROCESS.md stage 5), or nothing yet. */
export interface ScoreRow {
  applicantId: string;
  score: number | null;
  absent: boolean;
  /** R27: an earlier assessment used again, with its date and provider. */
  reused: { assessedOn: string | null; provider: string } | null;
}

/** The rows filled so far (a stage may be recorded in batches); null without a stage, a filled row or with a half-filled reuse. */
export function stageResultsBody(
  postId: string | null,
  stageId: string,
  rows: readonly ScoreRow[],
): Body<'RecordStageResults'> | null {
  const stage = filled(stageId);
  const scored = rows.filter((r) => !r.absent && r.score !== null && Number.isFinite(r.score));
  const absent = rows.filter((r) => r.absent).map((r) => r.applicantId);
  if (!postId || !stage || scored.length + absent.length === 0) return null;
  const results: Body<'RecordStageResults'>['results'] = [];
  for (const row of scored) {
    if (!row.reused) {
      results.push({ applicantId: row.applicantId, score: row.score ?? 0 });
      continue;
    }
    const provider = filled(row.reused.provider);
    if (!row.reused.assessedOn || !provider) return null;
    results.push({
      applicantId: row.applicantId,
      score: row.score ?? 0,
      reusedAssessment: { assessedOn: row.reused.assessedOn, provider },
    });
  }
  return { postId, stageId: stage, results, ...(absent.length > 0 ? { absent } : {}) };
}

/** The finalists the pansel proposes, best first. */
export function shortlistBody(
  postId: string | null,
  finalists: readonly string[],
): Body<'ProposeShortlist'> | null {
  return postId && finalists.length > 0 ? { postId, finalists: [...finalists] } : null;
}

export type PlanDecision = Body<'RecordPlanRecommendation'>['decision'];

/** A rejection needs its reason (the domain refuses one without); an approval may carry one. */
export function planRecommendationBody(
  issuedBy: OversightBody | undefined,
  letterNumber: string,
  decision: PlanDecision | null,
  reason: string,
): Body<'RecordPlanRecommendation'> | null {
  const letter = oversightLetter(issuedBy, letterNumber);
  const why = filled(reason);
  if (!letter || !decision || (decision === 'rejected' && !why)) return null;
  return { ...letter, decision, ...(why ? { reason: why } : {}) };
}

export type UnderfilledDecision = Body<'DecideUnderfilledPost'>['decision'];

/** Continue with fewer, drop or postpone a post after its last extension (R19); always with a reason. */
export function underfilledBody(
  postId: string | null,
  issuedBy: OversightBody | undefined,
  letterNumber: string,
  decision: UnderfilledDecision | null,
  reason: string,
): Body<'DecideUnderfilledPost'> | null {
  const letter = oversightLetter(issuedBy, letterNumber);
  const why = filled(reason);
  return postId && letter && decision && why ? { postId, ...letter, decision, reason: why } : null;
}

/** A finalist the overseer finds ineligible: the reason in Bahasa Indonesia, in English if given (else the same text). */
export interface IneligibleFinding {
  applicantId: string;
  ruleId: RuleId | null;
  reasonId: string;
  reasonEn: string;
}

/** The overseer's review of the tiga besar: who is found ineligible and why, and whether fewer names are accepted (R22). */
export function reviewShortlistBody(
  postId: string | null,
  issuedBy: OversightBody | undefined,
  letterNumber: string,
  findings: readonly IneligibleFinding[],
  acceptFewer: boolean,
): Body<'ReviewShortlist'> | null {
  const letter = oversightLetter(issuedBy, letterNumber);
  if (!postId || !letter) return null;
  const ineligible: NonNullable<Body<'ReviewShortlist'>['ineligible']> = [];
  for (const finding of findings) {
    const id = filled(finding.reasonId);
    if (!id) return null;
    ineligible.push({
      applicantId: finding.applicantId,
      ...(finding.ruleId ? { ruleId: finding.ruleId } : {}),
      reason: { id, en: filled(finding.reasonEn) ?? id },
    });
  }
  return {
    postId,
    ...letter,
    ...(ineligible.length > 0 ? { ineligible } : {}),
    ...(acceptFewer ? { acceptFewer } : {}),
  };
}

export function inaugurationRecommendationBody(
  postId: string | null,
  issuedBy: OversightBody | undefined,
  letterNumber: string,
): Body<'RecordInaugurationRecommendation'> | null {
  const letter = oversightLetter(issuedBy, letterNumber);
  return postId && letter ? { postId, ...letter } : null;
}

/** The PPK's one name of the three (R23), with an optional note of the consideration. */
export function chooseAppointeeBody(
  postId: string | null,
  applicantId: string | null,
  note: string,
): Body<'ChooseAppointee'> | null {
  const why = filled(note);
  return postId && applicantId ? { postId, applicantId, ...(why ? { note: why } : {}) } : null;
}

/** A gate recorded by its letter: the DPRD leadership consultation (R25) or the coordination request to the governor (R24). */
export function gateLetterBody(
  postId: string | null,
  letterNumber: string,
): (Body<'ConsultDprdLeadership'> & Body<'ReportToGovernor'>) | null {
  const number = filled(letterNumber);
  return postId && number ? { postId, letterNumber: number } : null;
}

export type GovernorDecision = Body<'RecordGovernorReply'>['decision'];
export type DprdDecision = Body<'RecordDprdLeadershipDecision'>['decision'];
export type AppointeeWithdrawalCause = Body<'WithdrawAppointee'>['cause'];

/** A reply to a gate letter (R24 governor, R25 DPRD leadership); the negative answer needs its reason. */
function replyBody<D extends string>(
  postId: string | null,
  letterNumber: string,
  decision: D | null,
  reason: string,
  negative: D,
): { postId: string; letterNumber: string; decision: D; reason?: string } | null {
  const number = filled(letterNumber);
  const why = filled(reason);
  if (!postId || !number || !decision || (decision === negative && !why)) return null;
  return { postId, letterNumber: number, decision, ...(why ? { reason: why } : {}) };
}

/** The governor's reply to the coordination request (R24): agreed, or objected with a reason. */
export const governorReplyBody = (
  postId: string | null,
  letterNumber: string,
  decision: GovernorDecision | null,
  reason: string,
): Body<'RecordGovernorReply'> | null => replyBody(postId, letterNumber, decision, reason, 'objected');

/** The DPRD leadership's decision on the chosen Sekwan (R25): approved, or refused with a reason. */
export const dprdDecisionBody = (
  postId: string | null,
  letterNumber: string,
  decision: DprdDecision | null,
  reason: string,
): Body<'RecordDprdLeadershipDecision'> | null =>
  replyBody(postId, letterNumber, decision, reason, 'refused');

/** The chosen finalist withdraws or fails the final check (W12), with a note. */
export function withdrawAppointeeBody(
  postId: string | null,
  cause: AppointeeWithdrawalCause,
  note: string,
): Body<'WithdrawAppointee'> | null {
  const why = filled(note);
  return postId && why ? { postId, cause, note: why } : null;
}

export function decreeBody(
  postId: string | null,
  decreeNumber: string,
): Body<'IssueAppointmentDecree'> | null {
  const number = filled(decreeNumber);
  return postId && number ? { postId, decreeNumber: number } : null;
}

export interface WitnessRow {
  nip: string;
  name: string;
  level: WitnessLevel | null;
}

/** The inauguration: the day, the oath's witnesses (R26: two, checked by the domain), the clergy and the minutes. */
export function inaugurateBody(
  postId: string | null,
  inauguratedOn: string | null,
  witnesses: readonly WitnessRow[],
  clergy: string,
  minutesNumber: string,
): Body<'InaugurateAppointee'> | null {
  const people = witnesses.flatMap((w) => {
    const nip = filled(w.nip);
    const name = filled(w.name);
    return nip && name && w.level ? [{ nip, name, level: w.level }] : [];
  });
  const cleric = filled(clergy);
  const minutes = filled(minutesNumber);
  if (!postId || !inauguratedOn || !cleric || !minutes || people.length < witnesses.length) return null;
  return { postId, inauguratedOn, witnesses: people, clergy: cleric, minutesNumber: minutes };
}

export function publishStageBody(postId: string | null, stageId: string): Body<'PublishStageResults'> | null {
  const stage = filled(stageId);
  return postId && stage ? { postId, stageId: stage } : null;
}
