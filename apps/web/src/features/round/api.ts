import { bodyOf } from '../../api/call';
import type { Api } from '../../api/client';
import type { ApplicantsView, RoundSummary, RoundView, TimelineEntry } from './types';

/** GET /rounds: the rounds the caller may see, newest change first. */
export async function listRounds(api: Api, limit = 500): Promise<RoundSummary[]> {
  const body = await bodyOf(api.GET('/rounds', { params: { query: { limit } } }));
  return body.rounds;
}

/** GET /rounds/{roundId}: the round and its posts with their status. */
export function getRound(api: Api, roundId: string): Promise<RoundView> {
  return bodyOf(api.GET('/rounds/{roundId}', { params: { path: { roundId } } }));
}

/** GET /rounds/{roundId}/posts/{postId}/applicants: one post's applicants with stage results. */
export function listApplicants(api: Api, roundId: string, postId: string): Promise<ApplicantsView> {
  return bodyOf(
    api.GET('/rounds/{roundId}/posts/{postId}/applicants', { params: { path: { roundId, postId } } }),
  );
}

/** One page of the timeline from `fromVersion`; `more` says whether events follow it. */
export async function timelinePage(
  api: Api,
  roundId: string,
  fromVersion: number,
  size: number,
): Promise<{ events: TimelineEntry[]; more: boolean }> {
  // One extra event tells whether a next page exists (the endpoint gives no total).
  const body = await bodyOf(
    api.GET('/rounds/{roundId}/timeline', {
      params: { path: { roundId }, query: { fromVersion, limit: size + 1 } },
    }),
  );
  return { events: body.events.slice(0, size), more: body.events.length > size };
}
