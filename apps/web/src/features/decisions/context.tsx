import { createContext, useContext } from 'react';
import { bodyOf } from '../../api/call';
import type { Api } from '../../api/client';
import type { Inbox, InboxItem } from '../../api/responses';
import type { ApplicantsView, ApplicantView, PostView, RoundView } from './types';

/** What a decision is about: the round, the post and its applicants, and how long it has waited. */
export interface DecisionData {
  round: RoundView;
  post: PostView | null;
  applicants: ApplicantView[];
  /** The inbox's line for this decision, when it waits on the caller. */
  waiting: InboxItem | null;
  /** Every decision on this round that waits on the caller. */
  waitingHere: InboxItem[];
}

/**
 * The round (GET /rounds/{roundId}), the post's applicants (GET …/posts/{postId}/applicants) and
 * the caller's inbox line for this decision. The inbox is a nicety: when it cannot be read, the
 * page still decides.
 */
export async function loadDecisionData(api: Api, roundId: string, postId: string | null, command: string): Promise<DecisionData> {
  const path = { roundId };
  const [round, applicants, inbox] = await Promise.all([
    bodyOf(api.GET('/rounds/{roundId}', { params: { path } })) as Promise<unknown> as Promise<RoundView>,
    postId
      ? (bodyOf(api.GET('/rounds/{roundId}/posts/{postId}/applicants', { params: { path: { roundId, postId } } })) as Promise<unknown> as Promise<ApplicantsView>)
      : Promise.resolve(null),
    (bodyOf(api.GET('/inbox')) as Promise<unknown> as Promise<Inbox>).catch(() => null),
  ]);
  const waitingHere = inbox?.items.filter((item) => item.roundId === roundId) ?? [];
  const waiting = waitingHere.find((item) => item.command === command && (item.postId ?? null) === postId) ?? null;
  return {
    round,
    post: round.posts.find((p) => p.postId === postId) ?? null,
    applicants: applicants?.applicants ?? [],
    waiting,
    waitingHere,
  };
}

const DecisionContext = createContext<DecisionData | null>(null);

/** Gives the decision page's loaded data to the form it renders. */
export const DecisionDataProvider = DecisionContext.Provider;

/** The round, post and applicants the decision page loaded (forms render only inside that page). */
export function useDecisionData(): DecisionData {
  const value = useContext(DecisionContext);
  if (!value) throw new Error('useDecisionData outside the decision page');
  return value;
}
