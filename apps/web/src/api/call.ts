import type { Problem } from './client';
import { retryingFetch } from './retry';

/** A call the API refused: its problem+json body (stable code, rule id, reason) and HTTP status. */
export class ApiProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly status: number,
  ) {
    super(`${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = 'ApiProblem';
  }
}

/** The body of a successful openapi-fetch call, or an `ApiProblem` thrown for a refused one. */
export async function bodyOf<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await request;
  if (error !== undefined || !response.ok) throw new ApiProblem(asProblem(error, response), response.status);
  return data as T;
}

/**
 * JSON from a path called without the generated client (a token rather than a client at hand, a
 * multipart body); `T` is the generated body type of that path. Refusals as ApiProblem.
 */
export async function getJson<T>(path: string, token?: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  const response = await retryingFetch()(path, { ...init, headers });
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiProblem(asProblem(body, response), response.status);
  return body as T;
}

function asProblem(body: unknown, response: Response): Problem {
  if (body && typeof body === 'object' && 'code' in body) return body as Problem;
  return {
    code: `HTTP.${response.status}`,
    status: response.status,
    title: response.statusText || 'Error',
    type: 'about:blank',
  };
}
