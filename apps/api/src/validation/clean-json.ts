import { findJsonFault, jsonFaultReason, MAX_NESTING } from '@selter/domain';
import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from '../problem/problem-details.filter';

/**
 * Runs right after express's JSON parser, before authentication, the Idempotency-Key interceptor
 * and the zod pipes, so nothing after it meets a hostile body: one nesting deeper than
 * MAX_NESTING (32) levels is 400 REQUEST.TOO_DEEP; a string, value or key, holding a C0 control
 * but tab/LF/CR, DEL, a lone surrogate or a noncharacter is 400 REQUEST.INVALID naming the field
 * (PostgreSQL cannot store some of them, and a decision it cannot store must never be sent). The
 * parse itself is safe: V8's JSON.parse is iterative (a million levels parse), but JSON.stringify
 * (logs, the idempotency store, Temporal's payloads) and any other recursive walk after it would
 * overflow at 10,000 levels. The walk here is the domain's own, iterative one, so the API and the
 * deciders apply one rule.
 */
export function refuseUncleanJson(request: Request, response: Response, next: NextFunction): void {
  const fault = findJsonFault(request.body as unknown);
  if (!fault) return next();
  const { path } = fault;
  if (fault.kind === 'too-deep') {
    return sendProblem(request, response, {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'REQUEST.TOO_DEEP',
      detail: `The request body nests objects and arrays deeper than ${MAX_NESTING} levels.`,
      errors: [{ path, message: `nested deeper than ${MAX_NESTING} levels` }],
    });
  }
  sendProblem(request, response, {
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    code: 'REQUEST.INVALID',
    detail:
      'The request body holds text with a character that is not allowed (a control character, an unpaired surrogate or a noncharacter).',
    errors: [{ path, message: jsonFaultReason(fault).en }],
  });
}
