import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';

/** RFC 9457 problem details, with Selter's stable `code` (and `ruleId` where a rule applies). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  ruleId?: string;
  instance?: string;
  requestId?: string;
  /** Further members specific to the problem (e.g. the failed fields). */
  errors?: ReadonlyArray<{ path: string; message: string }>;
}

/** An error the API means to show: its code is stable, its detail is for people. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Omit<ProblemDetails, 'type' | 'title'> & { title?: string }) {
    super(problem, problem.status);
  }
}

const codeFor = (status: number): string => `HTTP.${HttpStatus[status] ?? status}`;

/**
 * The single place where errors become HTTP responses: every failure leaves as
 * `application/problem+json` with a stable code, and never with a stack trace.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl;
    if (request.id) problem.requestId = String(request.id);
    if (problem.status >= 500) this.logger.error({ err: exception, code: problem.code }, 'request failed');
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) {
      const { title, ...rest } = exception.problem;
      return { type: 'about:blank', title: title ?? HttpStatus[rest.status] ?? 'Error', ...rest };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      return {
        type: 'about:blank',
        title: HttpStatus[status] ?? 'Error',
        status,
        code: codeFor(status),
        detail: Array.isArray(detail) ? detail.join('; ') : String(detail),
      };
    }
    return { type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'INTERNAL.UNEXPECTED', detail: 'An unexpected error occurred; it has been logged.' };
  }
}
