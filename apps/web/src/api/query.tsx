import {
  keepPreviousData,
  QueryClient,
  QueryClientProvider,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiProblem, bodyOf } from './call';
import type { Api } from './client';
import { useSession } from '../session-context';

// The console's data layer (ADR 23): TanStack Query caches each read under a key per resource;
// a decision's response carries the stream version it produced, and one read with `minVersion`
// waits (bounded, on the server) until the read models show it, then the round's reads refetch.

export type Loaded<T> =
  { state: 'loading' } | { state: 'failed'; failure: unknown } | { state: 'ready'; data: T };

/**
 * Query keys, one per resource. Everything about one round starts with `['round', roundId]`, so
 * one invalidation after a decision refetches all of it (view, applicants, timeline, plan, audit).
 */
export const keys = {
  roundList: ['round-list'] as const,
  inbox: ['inbox'] as const,
  devUsers: ['dev-auth', 'users'] as const,
  signInOptions: ['auth', 'options'] as const,
  policies: ['policies'] as const,
  published: (agency: string) => ['published', agency] as const,
  round: (roundId: string) => ['round', roundId] as const,
  roundView: (roundId: string) => ['round', roundId, 'view'] as const,
  applicants: (roundId: string, postId: string | null) => ['round', roundId, 'applicants', postId] as const,
  timeline: (roundId: string, fromVersion: number) => ['round', roundId, 'timeline', fromVersion] as const,
  plan: (roundId: string) => ['round', roundId, 'plan'] as const,
  state: (roundId: string, at: number | null) => ['round', roundId, 'state', at] as const,
  audit: (roundId: string) => ['round', roundId, 'audit'] as const,
};

/**
 * The console's one QueryClient. No retries of its own: the fetch under it already sends again
 * after a 429/503's Retry-After (retry.ts), and a refusal (problem+json) is an answer to show.
 * No refetch on focus: the console refetches when it knows something changed (a decision), and
 * each page that mounts reads afresh (stale at once; see useApiQuery).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 } },
  });
}

/** A QueryClient for the children, made once per mount (main.tsx mounts one per signed-in user). */
export function QueryProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const [client] = useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/**
 * One read through the cache, as `Loaded` (what the pages render) with `reload` (refetch now).
 * A page that mounts shows 'loading' until its own first read answered, not what another page
 * cached earlier (a page ready is a page current). While it refetches after that (a reload, a
 * decision's invalidation), the last data stays on screen; with `keepPrevious`, also while a new
 * key (the next page) loads. `enabled: false` leaves it loading.
 */
export function useApiQuery<T>(
  queryKey: QueryKey,
  load: () => Promise<T>,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
): Loaded<T> & { reload: () => void; fetching: boolean } {
  const query = useQuery({
    queryKey,
    queryFn: load,
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const cachedOnly = query.isFetching && !query.isFetchedAfterMount && !query.isPlaceholderData;
  const loaded: Loaded<T> =
    query.status === 'pending' || cachedOnly
      ? { state: 'loading' }
      : query.status === 'error'
        ? { state: 'failed', failure: query.error }
        : { state: 'ready', data: query.data };
  return { ...loaded, reload, fetching: query.isFetching };
}

/** How often a read with `minVersion` is asked again when the read models had not caught up within the API's wait. */
const READ_AFTER_ATTEMPTS = 3;

/**
 * Read your writes: waits until the round's read models have projected `version` of the round's
 * stream (GET /rounds/{roundId}?minVersion=…, which the API holds about 2 s at most and answers
 * 409 READ.NOT_YET_PROJECTED past that), stores the fresh round view, then invalidates every
 * cached read of the round, the round list and the inbox: those on screen refetch in the background
 * (their last data stays meanwhile), the others on their next mount. Resolves once the version is
 * seen (true) or the attempts are spent (false), not when the refetches end.
 */
export async function readAfterWrite(
  client: QueryClient,
  api: Api,
  roundId: string,
  version: number,
): Promise<boolean> {
  let seen = false;
  for (let attempt = 0; attempt < READ_AFTER_ATTEMPTS && !seen; attempt++) {
    try {
      const view = await bodyOf(
        api.GET('/rounds/{roundId}', { params: { path: { roundId }, query: { minVersion: version } } }),
      );
      client.setQueryData(keys.roundView(roundId), view);
      seen = true;
    } catch (failure) {
      if (!(failure instanceof ApiProblem) || failure.problem.code !== 'READ.NOT_YET_PROJECTED') break;
    }
  }
  void Promise.all([
    client.invalidateQueries({
      queryKey: keys.round(roundId),
      predicate: (q) => q.queryKey[2] !== 'view' || !seen,
    }),
    client.invalidateQueries({ queryKey: keys.roundList }),
    client.invalidateQueries({ queryKey: keys.inbox }),
  ]);
  return seen;
}

/** `readAfterWrite` bound to the console's QueryClient. */
export function useReadAfterWrite(): (roundId: string, version: number) => Promise<boolean> {
  const client = useQueryClient();
  const { api } = useSession();
  return useCallback((roundId, version) => readAfterWrite(client, api, roundId, version), [client, api]);
}
