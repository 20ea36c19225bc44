import { createContext, useContext } from 'react';
import { bodyOf } from '../../api/call';
import type { Api } from '../../api/client';
import type { components } from '../../api/schema';
import type { Session } from '../../session';
import { roundStateAt, STATE_READERS } from '../audit/api';
import { publishedStages } from './applicants';
import { planFacts, type PlanFacts } from './plan-facts';
import type { ApplicantView, PostView, RoundView } from './types';

type InboxItem = components['schemas']['InboxItem'];

/** What a decision is about: the round, the post and its applicants, and how long it has waited. */
export interface DecisionData {
  round: RoundView;
  post: PostView | null;
  applicants: ApplicantView[];
  /** The inbox's line for this decision, when it waits on the caller. */
  waiting: InboxItem | null;
  /** Every decision on this round that waits on the caller. */
  waitingHere: InboxItem[];
  /** The round's own record (stages, shortlist), where the caller's role may read it. */
  facts: PlanFacts | null;
  /** The stage this page has been recording scores for (see stageInProgress). */
  stageInProgress?: string | null;
  /** Stage ids in catalogue order: the catalogue's where readable, else the order they were published in. */
  stageOrder: string[];
}

/** The round's facts for the roles that may read its state; nothing (and no refused call) for the others. */
function loadFacts(
  session: Session | null,
  roundId: string,
  postId: string | null,
): Promise<PlanFacts | null> {
  if (!session || !STATE_READERS.has(session.user.role)) return Promise.resolve(null);
  return roundStateAt(roundId, session.token).then(
    ({ state }) => planFacts(state, postId),
    () => null,
  );
}

/**
 * The round (GET /rounds/{roundId}), the post's applicants (GET …/posts/{postId}/applicants), the
 * caller's inbox line for this decision and, where the role may read it, the round's state. The
 * inbox and the state are niceties: when they cannot be read, the page still decides.
 */
export async function loadDecisionData(
  api: Api,
  session: Session | null,
  roundId: string,
  postId: string | null,
  command: string,
): Promise<DecisionData> {
  const path = { roundId };
  const [round, applicants, inbox, facts] = await Promise.all([
    bodyOf(api.GET('/rounds/{roundId}', { params: { path } })),
    postId
      ? bodyOf(
          api.GET('/rounds/{roundId}/posts/{postId}/applicants', { params: { path: { roundId, postId } } }),
        )
      : Promise.resolve(null),
    bodyOf(api.GET('/inbox')).catch(() => null),
    loadFacts(session, roundId, postId),
  ]);
  const waitingHere = inbox?.items.filter((item) => item.roundId === roundId) ?? [];
  const waiting =
    waitingHere.find((item) => item.command === command && (item.postId ?? null) === postId) ?? null;
  return {
    round,
    post: round.posts.find((p) => p.postId === postId) ?? null,
    applicants: applicants?.applicants ?? [],
    waiting,
    waitingHere,
    facts,
    stageOrder: facts ? facts.stages.map((s) => s.stageId) : publishedStages(applicants?.publications ?? []),
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
