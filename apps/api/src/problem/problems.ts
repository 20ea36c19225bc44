import { ERROR_CODES, type ErrorKind, type Reason } from '@selter/domain';
import { ProblemException } from './problem-details.filter';

/** 401: no credentials, or credentials the API does not trust. */
export const unauthenticated = (detail: string): ProblemException =>
  new ProblemException({ status: 401, code: 'AUTH.UNAUTHENTICATED', detail });

/** 403: the caller is known but may not do this to this object. */
export const forbidden = (detail: string, code = 'AUTH.FORBIDDEN', ruleId?: string): ProblemException =>
  new ProblemException({ status: 403, code, detail, ...(ruleId ? { ruleId } : {}) });

export const notFound = (code: string, detail: string): ProblemException =>
  new ProblemException({ status: 404, code, detail });

export const invalidRequest = (
  detail: string,
  errors?: ReadonlyArray<{ path: string; message: string }>,
): ProblemException =>
  new ProblemException({ status: 400, code: 'REQUEST.INVALID', detail, ...(errors ? { errors } : {}) });

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 422,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  'rule-violation': 422,
};

/** The HTTP status of a domain code: the one mapping table between the domain's kinds and HTTP. */
export function statusOfDomainCode(code: string): number {
  const entry = (ERROR_CODES as Record<string, { kind: ErrorKind } | undefined>)[code];
  return entry ? STATUS_OF_KIND[entry.kind] : 422;
}

/** A decision the domain refused: its stable code, rule id, and reason in Bahasa Indonesia and English. */
export function refused(refusal: {
  code: string;
  ruleId?: string;
  reason: Reason;
  details?: Record<string, unknown>;
}): ProblemException {
  return new ProblemException({
    status: statusOfDomainCode(refusal.code),
    code: refusal.code,
    title: 'Decision refused',
    detail: refusal.reason.en,
    reason: refusal.reason,
    ...(refusal.ruleId ? { ruleId: refusal.ruleId } : {}),
    ...(refusal.details && Object.keys(refusal.details).length ? { details: refusal.details } : {}),
  });
}
