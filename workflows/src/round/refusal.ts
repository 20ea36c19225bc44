import type { DecisionRefusal } from '@selter/contracts';
import { DomainError } from '@selter/domain';
import { ApplicationFailure } from '@temporalio/workflow';

/**
 * A refused decision as the failure Temporal hands the Update's caller: `type` is the domain's
 * stable code, `details[0]` the rule and reason. Non-retryable: asking again changes nothing.
 */
export function refusalOf(error: DomainError): ApplicationFailure {
  const refusal: DecisionRefusal = {
    code: error.code,
    ...(error.ruleId ? { ruleId: error.ruleId } : {}),
    reason: error.reason,
    details: { ...error.details },
  };
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    details: [refusal],
    nonRetryable: true,
  });
}

/** Rethrows a DomainError as its refusal; anything else is a bug and propagates as it is. */
export function asRefusal(error: unknown): never {
  if (error instanceof DomainError) throw refusalOf(error);
  throw error;
}

/** A refusal that is not the domain's: a command sent to the wrong Update or the wrong round. */
export function misdirected(code: string, en: string, details: Record<string, unknown>): ApplicationFailure {
  const refusal: DecisionRefusal = { code, reason: { id: en, en }, details };
  return ApplicationFailure.create({
    type: code,
    message: `${code}: ${en}`,
    details: [refusal],
    nonRetryable: true,
  });
}
