import { bodyOf } from '../../api/call';
import type { Api } from '../../api/client';
import type { ApplicantsView, RoundSummary, RoundView, TimelineEntry } from './types';

// The generated client types the paths and parameters; the bodies are typed in ./types until the
// API's document declares them (hence the casts through unknown).

/** GET /rounds: the rounds the caller may see, newest change first. */
export async function listRounds(api: Api, limit = 500): Promise<RoundSummary[]> {
  const body = (await bodyOf(api.GET('/rounds', { params: { query: { limit } } }))) as unknown as {
    rounds: RoundSummary[];
  };
  return body.rounds;
}

/** GET /rounds/{roundId}: the round and its posts with their status. */
export async function getRound(api: Api, roundId: string): Promise<RoundView> {
  return (await bodyOf(
    api.GET('/rounds/{roundId}', { params: { path: { roundId } } }),
  )) as unknown as RoundView;
}

/** GET /rounds/{roundId}/posts/{postId}/applicants: one post's applicants with stage results. */
export async function listApplicants(api: Api, roundId: string, postId: string): Promise<ApplicantsView> {
  return (await bodyOf(
    api.GET('/rounds/{roundId}/posts/{postId}/applicants', { params: { path: { roundId, postId } } }),
  )) as unknown as ApplicantsView;
}

/** One page of the timeline from `fromVersion`; `more` says whether events follow it. */
export async function timelinePage(
  api: Api,
  roundId: string,
  fromVersion: number,
  size: number,
): Promise<{ events: TimelineEntry[]; more: boolean }> {
  // One extra event tells whether a next page exists (the endpoint gives no total).
  const body = (await bodyOf(
    api.GET('/rounds/{roundId}/timeline', {
      params: { path: { roundId }, query: { fromVersion, limit: size + 1 } },
    }),
  )) as unknown as { events: TimelineEntry[] };
  return { events: body.events.slice(0, size), more: body.events.length > size };
}
