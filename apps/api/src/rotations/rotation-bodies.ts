import type { RotationCommandOf, RotationCommandType } from '@selter/contracts';
import { z } from 'zod';
import { ZodPipe } from '../validation/zod.pipe';
import { LOCAL_ROUND_ID } from '../rounds/round-id';
import { id, isoDate, list, nip, oversightLetter, score, text } from '../rounds/schemas/common';

type RotationDecisionType = Exclude<RotationCommandType, 'PlanRotation'>;

export const planRotationRequest = z.strictObject({
  rotationId: z
    .string()
    .regex(LOCAL_ROUND_ID, 'expected a rotation id: lower-case letters, digits and hyphens'),
  agency: z
    .string()
    .regex(/^[a-z0-9_]{2,40}$/)
    .optional(),
  policyId: z
    .string()
    .regex(/^[\w.-]{1,64}$/)
    .optional(),
  posts: z
    .array(z.strictObject({ postId: id, title: text(200) }))
    .min(1)
    .max(200),
  incumbents: list(
    z.strictObject({ nip, name: text(200), postId: id, inauguratedOn: isoDate, dateOfBirth: isoDate }),
    200,
  ),
});
export type PlanRotationRequest = z.infer<typeof planRotationRequest>;

/** The body of each rotation decision: exactly the command's data, typed against the domain. */
export const ROTATION_BODIES: {
  readonly [T in RotationDecisionType]: z.ZodType<RotationCommandOf<T>['data']>;
} = {
  RecordRotationRecommendation: z.strictObject({
    ...oversightLetter,
    decision: z.enum(['approved', 'rejected']),
    reason: text().optional(),
  }),
  RecordRotationTests: z.strictObject({
    results: list(z.strictObject({ nip, score })),
    excused: list(z.strictObject({ nip, reason: text(1000) })).optional(),
  }),
  ProposeRotationMapping: z.strictObject({
    placements: list(z.strictObject({ nip, postId: id })),
    noSuitableOfficial: list(id),
  }),
  RecordRotationApproval: z.strictObject(oversightLetter),
  IssueRotationDecree: z.strictObject({ decreeNumber: text(120) }),
};
export const ROTATION_DECISION_TYPES = Object.keys(ROTATION_BODIES) as RotationDecisionType[];
export type { RotationDecisionType };

/** The `{type}` path parameter of the rotation decision routes. */
export const rotationDecisionTypeParam = z.enum(
  ROTATION_DECISION_TYPES as [RotationDecisionType, ...RotationDecisionType[]],
);

/** A rotation decision's body checked against its type's schema (400 REQUEST.INVALID naming each field). */
export const rotationDecisionData = (type: RotationDecisionType, body: unknown): Record<string, unknown> =>
  new ZodPipe(ROTATION_BODIES[type], `${type} body`).transform(body ?? {}) as Record<string, unknown>;
