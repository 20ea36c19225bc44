import {
  Catch,
  Inject,
  Optional,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';

/** RFC 9457 problem details, with Selter's stable `code` (and `ruleId` where a rule applies). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  ruleId?: string;
  /** A refused decision's reason, in Bahasa Indonesia (`id`) and English (`en`). */
  reason?: { id: string; en: string };
  details?: Record<string, unknown>;
  instance?: string;
  requestId?: string;
  /** Seconds after which the same request may succeed (429/503); also sent as the `Retry-After` header. */
  retryAfter?: number;
  /** Further members specific to the problem (e.g. the failed fields). */
  errors?: ReadonlyArray<{ path: string; message: string }>;
}

/** An error the API means to show: its code is stable, its detail is for people. */
export class ProblemException extends HttpException {
  /** `subject`: who a refused but verified token names (e.g. MFA missing), for the record of refusals only. */
  constructor(
    readonly problem: Omit<ProblemDetails, 'type' | 'title'> & { title?: string },
    readonly subject?: string,
  ) {
    super(problem, problem.status);
  }
}

const CODE_OF_STATUS: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'REQUEST.NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE.LIMITED',
};
const codeFor = (status: number): string => CODE_OF_STATUS[status] ?? `HTTP.${HttpStatus[status] ?? status}`;

/** Any thrown value as the problem the caller sees: no stack trace, a stable code. */
export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof ProblemException) {
    const { title, ...rest } = exception.problem;
    return { type: 'about:blank', title: title ?? HttpStatus[rest.status] ?? 'Error', ...rest };
  }
  if (exception instanceof ThrottlerException) {
    return {
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      code: 'RATE.LIMITED',
      detail: 'Too many requests; retry later.',
      retryAfter: 60,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const detail =
      typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
    return {
      type: 'about:blank',
      title: HttpStatus[status] ?? 'Error',
      status,
      code: codeFor(status),
      detail: Array.isArray(detail) ? detail.join('; ') : String(detail),
    };
  }
  return {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    code: 'INTERNAL.UNEXPECTED',
    detail: 'An unexpected error occurred; it has been logged.',
  };
}

/** Writes a problem as `application/problem+json`, with the request's id and path. */
export function sendProblem(
  request: Request & { id?: unknown },
  response: Response,
  problem: ProblemDetails,
): void {
  problem.instance = request.originalUrl;
  if (request.id) problem.requestId = String(request.id);
  if (problem.status === 401) response.setHeader('www-authenticate', 'Bearer realm="selter"');
  if (problem.retryAfter !== undefined) response.setHeader('retry-after', String(problem.retryAfter));
  response.status(problem.status).type('application/problem+json').json(problem);
}

/** Where refusals are recorded durably (the auth module's SecurityEvents; absent in unit tests). */
export const SECURITY_EVENTS = Symbol('SECURITY_EVENTS');
const REFUSALS = new Set([401, 403, 429]);

/**
 * The single place where errors become HTTP responses: every failure leaves as
 * `application/problem+json` with a stable code, and never with a stack trace. Refusals of
 * authentication and authorisation are logged (warn) with ids only (who, where, which code) and
 * recorded in `security_events` (ADR 21); the logger redacts errors by construction (libs/logging).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(
    @Optional()
    @Inject(SECURITY_EVENTS)
    private readonly securityEvents?: { record(event: RefusalRecord): void },
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string; principal?: { id: string; role: string } }>();
    const response = http.getResponse<Response>();
    const problem = toProblem(exception);
    const retryAfter = Number(response.getHeader('retry-after'));
    if (exception instanceof ThrottlerException && retryAfter > 0) problem.retryAfter = retryAfter;
    if (problem.status >= 500)
      this.logger.error({ err: exception, code: problem.code, path: request.path }, 'request failed');
    else if (REFUSALS.has(problem.status))
      this.refused(request, problem, exception instanceof ProblemException ? exception.subject : undefined);
    sendProblem(request, response, problem);
  }

  private refused(
    request: Request & { id?: string; principal?: { id: string; role: string } },
    problem: ProblemDetails,
    subject?: string,
  ): void {
    const principal = request.principal?.id ?? subject ?? null;
    const role = request.principal?.role ?? null;
    if (problem.status !== 429)
      this.logger.warn({ code: problem.code, principal, role, path: request.path }, 'request refused');
    this.securityEvents?.record({
      at: new Date(),
      principal,
      role,
      method: request.method,
      route: request.path,
      status: problem.status,
      code: problem.code,
      requestId: request.id ? String(request.id) : null,
      client: request.ip ?? null,
    });
  }
}

/** One refused request as the filter hands it to the durable record. */
export interface RefusalRecord {
  at: Date;
  principal: string | null;
  role: string | null;
  method: string;
  route: string;
  status: number;
  code: string;
  requestId: string | null;
  client: string | null;
}
