import { useCallback, useState } from 'react';
import { useLoad } from '../../api/use-load';
import { useSession } from '../../session-context';
import { loadRound } from './api';
import type { RoundView } from './types';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
      for (let attempt = 0; attempt < 15; attempt++) {
        await pause(200 + attempt * 100);
        const now: RoundView | null = await loadRound(api, roundId).catch(() => null);
        if (now && JSON.stringify(now) !== before) break;
      }
    } finally {
      reload();
      setRefreshing(false);
    }
  }, [api, roundId, before, reload]);
  return { round, refreshing, afterDecision };
}
