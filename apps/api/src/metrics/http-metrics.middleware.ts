import type { NextFunction, Request, Response } from 'express';
import type { ApiMetrics } from './metrics';

/** Times every request; the route label is the matched route pattern (bounded), never the raw URL. */
export const httpMetrics =
  (metrics: ApiMetrics) =>
  (request: Request, response: Response, next: NextFunction): void => {
    const end = metrics.http.startTimer();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      end({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  };
