import type { RoundState } from '@selter/domain';

// The audit endpoints' bodies, until the console's generated types include them. Each mirrors the
// API's zod response schema named in its comment.

/** GET /rounds/{roundId}/audit/verification (apps/api/src/audit/verify-round/verify-round.query.ts). */
export interface RoundVerification {
  roundId: string;
  verified: boolean;
  events: number;
  headVersion: number;
  headHash: string;
  firstBadVersion: number | null;
  problems: Array<{ code: string; version: number | null; detail: string }>;
  checkpoint: {
    sequence: number;
    size: number;
    logPosition: string | null;
    signedAt: string;
    keyFingerprint: string;
    coveredVersion: number;
  } | null;
  checkedAt: string;
}

/** The event a state was folded up to (AuditedEvent, apps/api/src/audit/round-state/round-state.query.ts). */
export interface AuditedEvent {
  version: number;
  eventId: string;
  type: string;
  at: string;
  postId: string | null;
  actor: { id: string; role: string } | null;
  reason: string | null;
}

/** GET /rounds/{roundId}/audit/state?at=N (RoundStateAt, same file): the domain's RoundState after event N. */
export interface RoundStateAt {
  roundId: string;
  at: number;
  headVersion: number;
  policy: { id: string; title: { id: string; en: string } } | null;
  event: AuditedEvent;
  state: RoundState;
}
