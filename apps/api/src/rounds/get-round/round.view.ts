import type { RoundPostRow } from '@selter/projections';
import { z } from 'zod';
import { responseSchema } from '../../validation/response-schema';

export const postView = responseSchema(
  'PostView',
  z.object({
    postId: z.string(),
    title: z.string().nullable(),
    kind: z.string().nullable(),
    status: z.string(),
    run: z.number().int().describe('1 for the first run; a re-run starts a fresh applicant list'),
    registrationDeadline: z.string().nullable(),
    extensions: z.number().int(),
    applicants: z.number().int(),
    appointeeId: z.string().nullable(),
    statusReason: z.string().nullable(),
    updatedAt: z.string(),
  }),
);
export type PostView = z.infer<typeof postView>;

/** A round and its posts with their status, as the read model has them. */
export const roundView = responseSchema(
  'RoundView',
  z.object({
    id: z.string(),
    agency: z.string(),
    name: z.string().nullable(),
    agencyName: z.string().nullable(),
    status: z.string(),
    zone: z
      .enum(['WIB', 'WITA', 'WIT'])
      .describe("The agency's time zone (ADR 24): a deadline day ends at 23:59:59 there"),
    posts: z.array(postView),
  }),
);
export type RoundView = z.infer<typeof roundView>;

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

export const postViewOf = (r: RoundPostRow): PostView => ({
  postId: r.post_id,
  title: r.post_title,
  kind: r.post_kind,
  status: r.post_status,
  run: r.run,
  registrationDeadline: r.registration_deadline,
  extensions: r.extensions,
  applicants: r.applicants,
  appointeeId: r.appointee_id,
  statusReason: r.status_reason,
  updatedAt: iso(r.updated_at),
});
export { iso };
