import { getJson } from '../../api/call';
import type { PublicAgencyView } from './types';

/** An agency's announced and finished rounds with every ranking they published; no token. */
export function publishedResults(agency: string): Promise<PublicAgencyView> {
  return getJson<PublicAgencyView>(`/public/agencies/${encodeURIComponent(agency)}/rounds`);
}

/** The anchor of a round on the public page, so a link can point at it. */
export const roundAnchor = (roundId: string): string => roundId;

/** The anchor of one published ranking (a post's stage) on the public page. */
export const stageAnchor = (roundId: string, postId: string, stageId: string): string =>
  `${roundId}--${postId}--${stageId}`;
