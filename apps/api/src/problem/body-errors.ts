import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from './problem-details.filter';

/**
 * Express error handler for what fails before Nest sees the request: the JSON body parser
 * (oversize body: 413 REQUEST.TOO_LARGE; malformed JSON: 400 REQUEST.INVALID).
 */
export function bodyErrorsAsProblems(
  error: unknown,
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const e = error as { type?: string; status?: number };
  if (e.type === 'entity.too.large') {
    return sendProblem(request, response, {
      type: 'about:blank',
      title: 'Payload Too Large',
      status: 413,
      code: 'REQUEST.TOO_LARGE',
      detail: 'The request body is larger than the API accepts.',
    });
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    const unsupported = e.type === 'encoding.unsupported' || e.type === 'charset.unsupported';
    return sendProblem(request, response, {
      type: 'about:blank',
      title: unsupported ? 'Unsupported Media Type' : 'Bad Request',
      status: unsupported ? 415 : 400,
      code: unsupported ? 'REQUEST.UNSUPPORTED_MEDIA_TYPE' : 'REQUEST.INVALID',
      detail:
        e.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : 'The request body could not be read.',
    });
  }
  next(error);
}
