import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { z } from 'zod';
import { ApiJsonResponse } from '../validation/response-schema';
import { decisionResult } from './command-context';

/** RFC 9457 problem details as every error response carries them. */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: {
      type: 'string',
      description: 'Stable code, e.g. AUTH.FORBIDDEN, REQUEST.INVALID, ROUND.REGISTRATION_CLOSED',
    },
    detail: { type: 'string' },
    ruleId: { type: 'string', description: 'The rule (R1-R33) a refusal enforces' },
    reason: {
      type: 'object',
      properties: { id: { type: 'string' }, en: { type: 'string' } },
      description: 'Bahasa Indonesia and English',
    },
    details: { type: 'object', additionalProperties: true },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
    instance: { type: 'string' },
    requestId: { type: 'string' },
  },
};

/** A problem+json response an operation may give. */
export const problemResponse = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } } });

/** The problems every decision endpoint may answer. */
const DECISION_PROBLEMS = applyDecorators(
  problemResponse(400, 'REQUEST.INVALID: a missing, malformed or unknown field'),
  problemResponse(401, 'AUTH.UNAUTHENTICATED'),
  problemResponse(403, 'AUTH.FORBIDDEN, AUTH.CONFLICT_OF_INTEREST (R3), AUTH.PROVINCE_READS_ONLY'),
  problemResponse(404, 'ROUND.NOT_FOUND, POST.UNKNOWN, APPLICANT.UNKNOWN, ...'),
  problemResponse(409, 'Out of order (ROUND.WRONG_STATUS, POST.WRONG_STATUS, ...), IDEMPOTENCY.IN_PROGRESS'),
  problemResponse(413, 'REQUEST.TOO_LARGE'),
  problemResponse(422, 'A rule refused the decision (code, ruleId, reason), IDEMPOTENCY.KEY_REUSED'),
  problemResponse(429, 'RATE.LIMITED'),
);

/** The responses of a decision endpoint: its result (201 where a plan starts the workflow), or a problem. */
export const decisionResponses = (
  result: z.ZodType,
  status = 200,
  description = 'Accepted: the events recorded',
): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiJsonResponse(result, status, description), DECISION_PROBLEMS);

/** The responses of every round decision endpoint. */
export const DECISION_RESPONSES = decisionResponses(decisionResult);

/** The responses of every read endpoint. */
export const QUERY_RESPONSES = applyDecorators(
  problemResponse(400, 'REQUEST.INVALID'),
  problemResponse(401, 'AUTH.UNAUTHENTICATED'),
  problemResponse(403, 'AUTH.FORBIDDEN'),
  problemResponse(404, 'ROUND.NOT_FOUND'),
  problemResponse(429, 'RATE.LIMITED'),
);
