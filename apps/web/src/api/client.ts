import createClient from 'openapi-fetch';
import { retryingFetch } from './retry';
import type { components, paths } from './schema';

/** The API's error body (application/problem+json), as its document declares it. */
export type Problem = components['schemas']['Problem'];

/** A client typed by the generated `paths`; same-origin (the dev server proxies the API). */
export function createApi(token?: string) {
  return createClient<paths>({
    baseUrl: window.location.origin,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    fetch: (request: Request) => retryingFetch()(request),
  });
}

export type Api = ReturnType<typeof createApi>;
