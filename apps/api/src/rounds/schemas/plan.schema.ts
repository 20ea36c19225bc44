import type { ApplicantProfile, RoundPlan } from '@selter/domain';
import { z } from 'zod';
import { id, isoDate, list, nip, oversightBody, ruleId, text } from './common';

const rank = z.enum(['III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e']);
const education = z.enum(['SMA', 'D-III', 'D-IV', 'S1', 'S2', 'S3']);
const documentKind = z.enum([
  'application-letter',
  'cv',
  'home-ppk-recommendation',
  'inspectorate-statement',
  'integrity-pact',
  'asset-declaration',
  'photo',
  'health-certificate',
  'mental-health-certificate',
  'drug-free-certificate',
  'tax-return',
  'leadership-training-certificate',
]);

export const postPlan = z.strictObject({
  postId: id,
  title: text(200),
  kind: z.enum(['regular', 'sekda', 'sekwan']),
  competencyStandard: z.strictObject({
    technical: list(text(200), 50),
    managerial: list(text(200), 50),
    socioCultural: list(text(200), 50),
  }),
  requirements: z.strictObject({ minRank: rank.optional(), notes: list(text(500), 50) }),
  stageTopics: list(z.strictObject({ stageId: id, topic: text(2000) }), 20)
    .optional()
    .describe("This post's own content for a stage (e.g. its paper topic), instead of the stage's topic"),
  incumbent: z
    .strictObject({
      nip,
      inauguratedOn: isoDate,
      removalGround: z.enum(['law-violation', 'requirements-lost']).optional(),
    })
    .optional(),
});

const member = z.strictObject({
  memberId: id,
  name: text(200),
  // R2 counts the agency's own officials as internal from where a member works (ADR 29).
  employer: text(300).describe(
    'Where the member works, e.g. "Inspektorat Kabupaten Contoh" or "Universitas Hasanuddin": the agency\'s own officials are internal (R2)',
  ),
  affiliation: z
    .enum(['internal', 'external'])
    .optional()
    .describe('Deprecated and ignored: R2 derives it from `employer`; accepted so older clients still plan'),
  background: z.enum(['jpt-same-government', 'jpt-other-agency', 'academic', 'professional', 'community']),
  oversightBody: oversightBody.optional(),
  politicalPartyMember: z.boolean().optional(),
  conflictsOfInterest: list(z.strictObject({ nip, nature: text(500) }), 100),
});

export const stageDefinition = z.strictObject({
  stageId: id,
  name: text(200),
  kind: z.enum(['administrative', 'competency', 'paper', 'presentation', 'interview', 'health']),
  method: text(200),
  topic: text(2000)
    .optional()
    .describe("What the stage asks (e.g. the paper's topic): every post's, unless a post names its own"),
  weight: z.number().min(0).max(100),
  maxScore: z.number().positive().max(1_000_000),
  scoring: z.enum(['elimination', 'cumulative']),
  passMark: z.number().min(0).optional(),
  maxProceeding: z.number().int().positive().optional(),
});

/** A round plan (the posts, the pansel, the stage catalogue, the schedule); the domain judges its rules. */
export const roundPlan = z.strictObject({
  name: text(300),
  agency: z.strictObject({ name: text(300), level: z.enum(['province', 'regency', 'city']) }),
  posts: z.array(postPlan).min(1).max(100),
  pansel: z.strictObject({ decreeNumber: text(120), members: z.array(member).min(1).max(25) }),
  stages: z.array(stageDefinition).min(1).max(20),
  schedule: z.strictObject({
    announcementOn: isoDate,
    registrationDeadline: isoDate,
    referenceDate: isoDate,
  }),
  assessmentProvider: z.strictObject({
    name: text(300),
    centreId: id.describe('An accredited centre of GET /assessment-centres (R12)'),
    accredited: z
      .boolean()
      .optional()
      .describe('Deprecated and ignored: R12 checks `centreId` against the list of accredited centres'),
  }),
  electionCalendar: z
    .strictObject({
      headInauguratedOn: isoDate.optional(),
      candidateDeterminationOn: isoDate.optional(),
      termEndsOn: isoDate.optional(),
      actingHead: z.boolean().optional(),
    })
    .optional(),
}) satisfies z.ZodType<RoundPlan>;

export const applicantProfile = z.strictObject({
  nip,
  name: text(200),
  homeAgency: text(300),
  rank,
  education,
  relatedExperienceYears: z.number().min(0).max(60),
  priorPost: z.strictObject({
    kind: z.enum(['administrator', 'functional-ahli-madya', 'jpt-pratama', 'other']),
    title: text(200),
    years: z.number().min(0).max(60),
  }),
  dateOfBirth: isoDate,
  documents: list(documentKind, 20),
  presidentialException: z.strictObject({ ruleIds: list(ruleId, 33), letterNumber: text(120) }).optional(),
}) satisfies z.ZodType<ApplicantProfile>;
