import { useCallback, useState } from 'react';
import { useLoad } from '../../api/use-load';
import type { Api } from '../../api/client';
import { useSession } from '../../session-context';
import { loadRound } from './api';
import type { RoundView } from './types';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (4 s at most) until the read model shows what `ready` asks of the round: it
 * lags the workflow by a moment after a decision. Resolves either way; the page shows what it has.
 */
export async function untilRound(api: Api, roundId: string, ready: (round: RoundView | null) => boolean): Promise<void> {
  // About 4 s in all: long enough for the projections, short for a decision the round view does not show.
  for (let attempt = 0; attempt < 8; attempt++) {
    await pause(150 + attempt * 100);
    if (ready(await loadRound(api, roundId).catch(() => null))) return;
  }
}

/**
 * The round (GET /rounds/{roundId}) and `afterDecision`, which waits until the read model shows
 * the decision (it lags the workflow by a moment), then reloads; `refreshing` while it waits.
 */
export function useRound(roundId: string) {
  const { api } = useSession();
  const round = useLoad(() => loadRound(api, roundId), [api, roundId]);
  const [refreshing, setRefreshing] = useState(false);
  const before = round.state === 'ready' ? JSON.stringify(round.data) : '';
  const { reload } = round;
  const afterDecision = useCallback(async () => {
    setRefreshing(true);
    try {
      await untilRound(api, roundId, (now) => now !== null && JSON.stringify(now) !== before);
    } finally {
      reload();
      setRefreshing(false);
    }
  }, [api, roundId, before, reload]);
  return { round, refreshing, afterDecision };
}
