import type { RoundPostRow } from '@selter/projections';

export interface PostView {
  postId: string;
  title: string | null;
  kind: string | null;
  status: string;
  run: number;
  registrationDeadline: string | null;
  extensions: number;
  applicants: number;
  appointeeId: string | null;
  statusReason: string | null;
  updatedAt: string;
}

/** A round and its posts with their status, as the read model has them. */
export interface RoundView {
  id: string;
  agency: string;
  name: string | null;
  agencyName: string | null;
  status: string;
  posts: PostView[];
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

export const postView = (r: RoundPostRow): PostView => ({
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
