import type { RoundCommandOf, RoundCommandType } from '@selter/contracts';
import { z } from 'zod';
import { ZodPipe } from '../../validation/zod.pipe';
import { id, isoDate, list, oversightLetter, postRef, ruleId, score, text } from './common';
import { applicantProfile, roundPlan, stageDefinition } from './plan.schema';

type DecisionType = Exclude<RoundCommandType, 'PlanRound'>;
type Bodies = { readonly [T in DecisionType]: z.ZodType<RoundCommandOf<T>['data']> };

const witness = z.strictObject({
  nip: z.string().min(1).max(32),
  name: text(200),
  level: z.enum(['jpt-utama', 'jpt-madya', 'jpt-pratama', 'administrator', 'pengawas']),
});
const reason = text(2000);

/**
 * The body of each round decision: exactly the command's data (strict: unknown fields are refused).
 * Typed against the domain's commands, so a change of a command's data fails to compile here.
 */
export const DECISION_BODIES: Bodies = {
  RevisePlan: z.strictObject({ plan: roundPlan, reason }),
  SubmitPlanForRecommendation: z.strictObject({}),
  RecordPlanRecommendation: z.strictObject({
    ...oversightLetter,
    decision: z.enum(['approved', 'rejected']),
    reason: reason.optional(),
  }),
  RecordMendagriApproval: z.strictObject({
    purpose: z.enum(['selection', 'inauguration']),
    postId: id.optional(),
    letterNumber: text(120),
  }),
  AnnounceRound: z.strictObject({
    reach: z.enum(['national', 'province', 'agency']),
    signedBy: z.enum(['pansel-chair', 'secretariat-head']),
    secretariatContact: text(300),
    // R6 (PP 117(1), (4)(e)): required here; optional in the domain only for histories from before (ADR 35).
    stageSchedule: list(z.strictObject({ stageId: id, from: isoDate, to: isoDate }), 50)
      .min(1)
      .describe("Each stage's dates, on or after the registration deadline (R6)"),
    media: list(text(300), 20)
      .min(1)
      .describe('Where the announcement is published: site, SSCASN, newspaper (R6)'),
  }),
  RegisterApplicant: z.strictObject({
    ...postRef,
    applicantId: id,
    applicant: applicantProfile,
    invited: z.boolean().optional(),
  }),
  ExtendRegistration: z.strictObject({ ...postRef, approval: z.strictObject(oversightLetter).optional() }),
  CloseRegistration: z.strictObject(postRef),
  DecideUnderfilledPost: z.strictObject({
    ...postRef,
    ...oversightLetter,
    decision: z.enum(['continue', 'drop', 'postpone']),
    reason,
  }),
  RecordAdministrativeVerdict: z.strictObject({
    ...postRef,
    applicantId: id,
    findings: list(z.strictObject({ ruleId, note: text(1000) }), 50).optional(),
  }),
  RecordStageResults: z.strictObject({
    ...postRef,
    stageId: id,
    results: list(
      z.strictObject({
        applicantId: id,
        score,
        reusedAssessment: z.strictObject({ assessedOn: isoDate, provider: text(300) }).optional(),
      }),
    ),
    absent: list(id).optional(),
  }),
  WithdrawApplicant: z.strictObject({
    ...postRef,
    applicantId: id,
    cause: z.enum(['declared', 'retired', 'sanctioned', 'deceased']),
    note: text(1000),
  }),
  PublishStageResults: z.strictObject({ ...postRef, stageId: id }),
  AmendStage: z.strictObject({ ...oversightLetter, stage: stageDefinition, reason }),
  ProposeShortlist: z.strictObject({ ...postRef, finalists: list(id, 20) }),
  ReviewShortlist: z.strictObject({
    ...postRef,
    ...oversightLetter,
    ineligible: list(
      z.strictObject({
        applicantId: id,
        ruleId: ruleId.optional(),
        reason: z.strictObject({ id: text(1000), en: text(1000) }),
      }),
      20,
    ).optional(),
    acceptFewer: z.boolean().optional(),
  }),
  AnnounceShortlist: z.strictObject(postRef),
  ConsultDprdLeadership: z.strictObject({ ...postRef, letterNumber: text(120) }),
  ChooseAppointee: z.strictObject({ ...postRef, applicantId: id, note: text(2000).optional() }),
  ReportToGovernor: z.strictObject({ ...postRef, letterNumber: text(120) }),
  RecordGovernorReply: z.strictObject({
    ...postRef,
    letterNumber: text(120),
    decision: z.enum(['agreed', 'objected']),
    reason: reason.optional(),
  }),
  RecordDprdLeadershipDecision: z.strictObject({
    ...postRef,
    letterNumber: text(120),
    decision: z.enum(['approved', 'refused']),
    reason: reason.optional(),
  }),
  WithdrawAppointee: z.strictObject({
    ...postRef,
    cause: z.enum(['declared', 'retired', 'sanctioned', 'deceased', 'final-check-failed']),
    note: text(1000),
  }),
  RecordInaugurationRecommendation: z.strictObject({ ...postRef, ...oversightLetter }),
  IssueAppointmentDecree: z.strictObject({ ...postRef, decreeNumber: text(120) }),
  InaugurateAppointee: z.strictObject({
    ...postRef,
    inauguratedOn: isoDate,
    witnesses: list(witness, 10),
    clergy: text(200),
    minutesNumber: text(120),
  }),
  CancelPost: z.strictObject({ ...postRef, reason }),
  RerunPost: z.strictObject({ ...postRef, ...oversightLetter, reason, registrationDeadline: isoDate }),
  CancelRound: z.strictObject({ reason }),
};

export const DECISION_TYPES = Object.keys(DECISION_BODIES) as DecisionType[];
export type { DecisionType };

/** The `{type}` path parameter of the decision routes. */
export const decisionTypeParam = z.enum(DECISION_TYPES as [DecisionType, ...DecisionType[]]);

/** A decision's body checked against its type's schema; anything else is 400 REQUEST.INVALID naming each field. */
export const decisionData = (type: DecisionType, body: unknown): Record<string, unknown> =>
  new ZodPipe(DECISION_BODIES[type], `${type} body`).transform(body ?? {}) as Record<string, unknown>;
