import { createHash, randomUUID } from 'node:crypto';

/**
 * A decision's id, which is its Temporal Update id: stable across retries of one idempotent
 * request (the caller and its Idempotency-Key), so Temporal and the workflow record it once
 * (ADR 16). A request without a key gets a fresh one, returned in a pending problem so even that
 * caller can learn the outcome.
 */
export function decisionIdentity(
  principalId: string,
  idempotencyKey: string | undefined,
): { decisionId: string; idempotencyKey: string } {
  const key = idempotencyKey ?? `auto-${randomUUID()}`;
  return {
    decisionId: createHash('sha256').update(`${principalId}\n${key}`).digest('hex'),
    idempotencyKey: key,
  };
}
