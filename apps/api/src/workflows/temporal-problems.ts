import type { DecisionRefusal } from '@selter/contracts';
import { ApplicationFailure } from '@temporalio/common';
import {
  isGrpcServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ProblemException } from '../problem/problem-details.filter';
import { notFound, refused } from '../problem/problems';

/** gRPC status codes (grpc/status.proto) Temporal's frontend answers with. */
export const GRPC = {
  CANCELLED: 1,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  UNAVAILABLE: 14,
} as const;

/** The gRPC status code behind a client error, wherever the SDK wrapped it. */
export function grpcCodeOf(error: unknown): number | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (isGrpcServiceError(e)) return e.code;
  }
  return undefined;
}

/** Which workflow a call was about, for the problem's wording and codes. */
export interface CallContext {
  readonly workflowId: string;
  /** `ROUND` or `ROTATION`: the prefix of NOT_FOUND / FINISHED / BUSY codes. */
  readonly kind: 'ROUND' | 'ROTATION';
  /** True once a decision was handed to Temporal: its outcome may still come (OUTCOME_PENDING, not UNAVAILABLE). */
  readonly sent?: boolean;
  /** The Idempotency-Key a pending decision can be asked again with. */
  readonly idempotencyKey?: string;
}

/** 409 `<KIND>.FINISHED`: the workflow has ended and takes no more decisions. */
export const finishedProblem = (workflowId: string, kind: CallContext['kind']): ProblemException =>
  new ProblemException({
    status: 409,
    code: `${kind}.FINISHED`,
    detail: `${workflowId} has finished; it takes no more decisions.`,
  });

export const notFoundProblem = (workflowId: string, kind: CallContext['kind']): ProblemException =>
  notFound(`${kind}.NOT_FOUND`, `No ${kind.toLowerCase()} ${workflowId}.`);

/** 429 or 503 with Retry-After: nothing was decided (or, for OUTCOME_PENDING, the outcome is not known yet). */
export function unavailable(
  status: 429 | 503,
  code: string,
  detail: string,
  retryAfter: number,
  extra: Record<string, unknown> = {},
): ProblemException {
  return new ProblemException({
    status,
    code,
    detail,
    retryAfter,
    ...(Object.keys(extra).length ? { details: extra } : {}),
  });
}

/**
 * Temporal's answer to a call as the problem the caller sees, by error class and gRPC status,
 * never by message text (ADR 16). `undefined` for a workflow that may have finished: the caller
 * asks Temporal which (describe), see WorkflowPort. Anything unknown is returned as it is (a bug: 500).
 */
export function problemOfTemporal(
  error: unknown,
  ctx: CallContext,
): ProblemException | 'not-found' | unknown {
  if (error instanceof ProblemException) return error;
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const refusal = error.cause.details?.[0] as DecisionRefusal | undefined;
    // A decider that threw something other than a refusal: a bug, told as one (nothing was stored).
    if (refusal?.code === 'DECISION.FAILED')
      return new ProblemException({
        status: 500,
        code: refusal.code,
        detail: refusal.reason.en,
        reason: refusal.reason,
      });
    if (refusal?.code && refusal.reason) return refused(refusal);
    const code = error.cause.type ?? 'DECISION.REFUSED';
    return refused({ code, reason: { id: error.cause.message, en: error.cause.message } });
  }
  if (error instanceof WorkflowNotFoundError) return 'not-found';
  const code =
    error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ? GRPC.DEADLINE_EXCEEDED : grpcCodeOf(error);
  switch (code) {
    case GRPC.NOT_FOUND:
    case GRPC.FAILED_PRECONDITION:
      return 'not-found';
    case GRPC.RESOURCE_EXHAUSTED:
      // The workflow's in-flight Update limit (or the namespace's rate limit): not admitted, nothing decided.
      return unavailable(
        429,
        `${ctx.kind}.BUSY`,
        `${ctx.workflowId} is taking as many decisions as it can; send this one again after the advised delay.`,
        1,
      );
    case GRPC.DEADLINE_EXCEEDED:
    case GRPC.CANCELLED:
    case GRPC.ABORTED:
    case GRPC.UNAVAILABLE:
      if (ctx.sent) {
        return unavailable(
          503,
          'DECISION.OUTCOME_PENDING',
          'The decision was handed to the round but its outcome did not come within the server deadline. It will be recorded or refused, never lost: send the same request with the same Idempotency-Key to learn its outcome.',
          2,
          ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {},
        );
      }
      return unavailable(
        503,
        'TEMPORAL.UNAVAILABLE',
        'The workflow service did not answer in time; nothing was decided. Retry after the advised delay.',
        5,
      );
    default:
      return error;
  }
}
