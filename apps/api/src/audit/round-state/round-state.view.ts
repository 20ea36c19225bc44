import type { ApplicantState, PostState, RoundState } from '@selter/domain';
import { z } from 'zod';
import { applicantProfile, postPlan, roundPlan, stageDefinition } from '../../rounds/schemas/plan.schema';
import { responseSchema } from '../../validation/response-schema';

// The round's state over HTTP: a documented view, mapped from the domain's fold (RoundState,
// libs/domain/src/round/state.ts) in this one place (docs/adr/0022). The fold may change shape
// with the domain; this view changes only with `viewVersion`, and a change that would break a
// client gets a new version.

/** The version of the view's shape; raised on any change a client could trip over. */
export const ROUND_STATE_VIEW_VERSION = 1;

const letter = z.object({ issuedBy: z.string(), letterNumber: z.string() });

// A plan stored before R2's employers and R12's centres (ADR 29) lacks them: optional in the view.
const { pansel, assessmentProvider } = roundPlan.shape;
export const roundPlanView = responseSchema(
  'RoundPlan',
  roundPlan.extend({
    pansel: pansel.extend({ members: z.array(pansel.shape.members.element.partial({ employer: true })) }),
    assessmentProvider: assessmentProvider.partial({ centreId: true }),
  }),
);
export const stageDefinitionView = responseSchema('StageDefinition', stageDefinition);

export const applicantStateView = responseSchema(
  'ApplicantStateView',
  z.object({
    applicantId: z.string(),
    profile: applicantProfile,
    invited: z.boolean(),
    conflictedMembers: z
      .array(z.string())
      .describe('Pansel members who declared a conflict of interest with this applicant'),
    verdict: z
      .enum(['eligible', 'ineligible'])
      .nullable()
      .describe('The administrative verdict; null while pending'),
    withdrawn: z.boolean(),
    eliminatedAt: z.string().nullable().describe('The stage at whose publication the applicant dropped out'),
    scores: z.record(z.string(), z.number()).describe('Raw score per stage id'),
    total: z.number().describe('Weighted running total (0-100) over the recorded stages'),
  }),
);

export const postStateView = responseSchema(
  'PostStateView',
  z.object({
    postId: z.string(),
    status: z.enum([
      'registration',
      'awaiting-oversight',
      'selection',
      'shortlisted',
      'chosen',
      'inaugurated',
      'rerun-required',
      'dropped',
      'postponed',
      'cancelled',
    ]),
    plan: postPlan,
    run: z.number().int().describe('1 for the first run; a re-run starts a fresh applicant list'),
    deadline: z.string().describe('The registration deadline (ISO date)'),
    extensions: z.number().int(),
    published: z.array(z.string()).describe('Stage ids published so far, in catalogue order (R21)'),
    dprdConsultation: z.string().nullable(),
    reason: z.string().nullable().describe('Why the post is dropped, postponed, cancelled or must be re-run'),
    shortlist: z
      .object({
        finalists: z.array(z.object({ applicantId: z.string(), rank: z.number().int(), total: z.number() })),
        fewerThanRequired: z.boolean(),
        review: z.object({ letter, remaining: z.array(z.string()), acceptedFewer: z.boolean() }).nullable(),
        announced: z.boolean(),
      })
      .nullable(),
    appointee: z
      .object({
        applicantId: z.string(),
        chosenAt: z.string(),
        governorReport: z.string().nullable(),
        inaugurationRecommendation: letter.nullable(),
        decree: z.string().nullable(),
        inauguratedOn: z.string().nullable(),
      })
      .nullable(),
    applicants: z.array(applicantStateView).describe('In registration order'),
  }),
);

/** The round as its decisions left it (GET …/audit/state): plan, announcement, posts with applicants, waits. */
export const roundStateView = responseSchema(
  'RoundStateView',
  z.object({
    viewVersion: z.literal(ROUND_STATE_VIEW_VERSION).describe('The version of this shape'),
    status: z.enum([
      'empty',
      'planned',
      'submitted',
      'rejected',
      'recommended',
      'announced',
      'closed',
      'cancelled',
    ]),
    version: z.number().int().describe('The number of events folded: the stream version'),
    roundId: z.string().nullable(),
    policyId: z.string().nullable().describe('The policy version the round was planned under'),
    plan: roundPlanView.nullable(),
    recommendation: letter.nullable(),
    rejection: letter.extend({ reason: z.string() }).nullable(),
    cancellationReason: z.string().nullable(),
    announcement: z
      .object({
        announcedOn: z.string(),
        registrationDeadline: z.string(),
        reach: z.enum(['national', 'province']),
        signedBy: z.enum(['pansel-chair', 'secretariat-head']),
        secretariatContact: z.string(),
        stageSchedule: z
          .array(z.object({ stageId: z.string(), from: z.string(), to: z.string() }))
          .nullable()
          .describe("Each stage's dates as announced (R6); null for announcements recorded before"),
        media: z
          .array(z.string())
          .nullable()
          .describe('Where it was published (R6); null for announcements recorded before'),
      })
      .nullable(),
    stages: z
      .array(stageDefinitionView)
      .describe(
        "The stage catalogue in force: frozen at the announcement, the plan's before; empty before a plan",
      ),
    mendagriApprovals: z.array(
      z.object({
        purpose: z.enum(['selection', 'inauguration']),
        postId: z.string().nullable(),
        letterNumber: z.string(),
      }),
    ),
    posts: z
      .array(postStateView)
      .describe('The posts in plan order once announced (or cancelled); empty before'),
    waits: z
      .array(
        z.object({
          postId: z.string().nullable().describe('null: the round itself'),
          since: z.string(),
          reminders: z.number().int(),
          remindedAt: z.string().nullable(),
          escalated: z.boolean(),
        }),
      )
      .describe('How long each scope has waited in its current step, and how often it was chased'),
  }),
);
export type RoundStateView = z.infer<typeof roundStateView>;
type PostStateView = z.infer<typeof postStateView>;
type ApplicantStateView = z.infer<typeof applicantStateView>;

const applicantView = (a: ApplicantState): ApplicantStateView => ({
  applicantId: a.applicantId,
  profile: a.profile as ApplicantStateView['profile'],
  invited: a.invited,
  conflictedMembers: [...a.conflictedMembers],
  verdict: a.verdict ?? null,
  withdrawn: a.withdrawn,
  eliminatedAt: a.eliminatedAt ?? null,
  scores: { ...a.scores },
  total: a.total,
});

const postView = (post: PostState): PostStateView => {
  const shortlist = 'shortlist' in post ? post.shortlist : undefined;
  const appointee = 'appointee' in post ? post.appointee : undefined;
  return {
    postId: post.plan.postId,
    status: post.status,
    plan: post.plan as PostStateView['plan'],
    run: post.run,
    deadline: post.deadline,
    extensions: post.extensions,
    published: [...post.published],
    dprdConsultation: post.dprdConsultation ?? null,
    reason: 'reason' in post ? post.reason : null,
    shortlist: shortlist
      ? {
          finalists: shortlist.finalists.map((f) => ({
            applicantId: f.applicantId,
            rank: f.rank,
            total: f.total,
          })),
          fewerThanRequired: shortlist.fewerThanRequired,
          review: shortlist.review
            ? {
                letter: shortlist.review.letter,
                remaining: [...shortlist.review.remaining],
                acceptedFewer: shortlist.review.acceptedFewer,
              }
            : null,
          announced: shortlist.announced,
        }
      : null,
    appointee: appointee
      ? {
          applicantId: appointee.applicantId,
          chosenAt: appointee.chosenAt,
          governorReport: appointee.governorReport ?? null,
          inaugurationRecommendation: appointee.inaugurationRecommendation ?? null,
          decree: appointee.decree ?? null,
          inauguratedOn: appointee.inauguratedOn ?? null,
        }
      : null,
    applicants: post.applicants.map(applicantView),
  };
};

const EMPTY: Omit<RoundStateView, 'status' | 'version'> = {
  viewVersion: ROUND_STATE_VIEW_VERSION,
  roundId: null,
  policyId: null,
  plan: null,
  recommendation: null,
  rejection: null,
  cancellationReason: null,
  announcement: null,
  stages: [],
  mendagriApprovals: [],
  posts: [],
  waits: [],
};

/** The one mapping from the domain's fold to the HTTP view. */
export function toRoundStateView(state: RoundState): RoundStateView {
  if (state.status === 'empty') return { ...EMPTY, status: 'empty', version: state.version };
  const posts =
    'posts' in state
      ? ('postIds' in state ? state.postIds : state.plan.posts.map((p) => p.postId)).flatMap((id) =>
          state.posts[id] ? [state.posts[id]] : [],
        )
      : [];
  const announcement = 'announcement' in state ? state.announcement : null;
  return {
    ...EMPTY,
    status: state.status,
    version: state.version,
    roundId: state.roundId,
    policyId: state.policyId,
    plan: state.plan as RoundStateView['plan'],
    recommendation: 'recommendation' in state ? state.recommendation : null,
    rejection: state.status === 'rejected' ? state.rejection : null,
    cancellationReason: state.status === 'cancelled' ? state.reason : null,
    announcement: announcement
      ? {
          announcedOn: announcement.announcedOn,
          registrationDeadline: announcement.registrationDeadline,
          reach: announcement.reach,
          signedBy: announcement.signedBy,
          secretariatContact: announcement.secretariatContact,
          stageSchedule: announcement.stageSchedule ? [...announcement.stageSchedule] : null,
          media: announcement.media ? [...announcement.media] : null,
        }
      : null,
    stages: ('stages' in state ? state.stages : state.plan.stages) as RoundStateView['stages'],
    mendagriApprovals: state.mendagriApprovals.map((a) => ({
      purpose: a.purpose,
      postId: a.postId ?? null,
      letterNumber: a.letterNumber,
    })),
    posts: posts.map(postView),
    waits: Object.entries(state.waits).map(([scope, w]) => ({
      postId: scope === '' ? null : scope,
      since: w.since,
      reminders: w.reminders,
      remindedAt: w.remindedAt ?? null,
      escalated: w.escalated,
    })),
  };
}
