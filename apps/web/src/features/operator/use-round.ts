import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { keys, useApiQuery, useReadAfterWrite } from '../../api/query';
import { useSession } from '../../session-context';
import { loadRound } from './api';

/**
 * The round (GET /rounds/{roundId}, cached under its key) and `afterWrite`, for what changed the
 * round outside a DecisionSubmit (an applicant import): given the stream version it produced, it
 * waits until the read models show it (read your writes, ADR 23), then the round's reads refetch;
 * without one it refetches them. `refreshing` while it waits or the round refetches.
 */
export function useRound(roundId: string) {
  const { api } = useSession();
  const client = useQueryClient();
  const readAfterWrite = useReadAfterWrite();
  const round = useApiQuery(keys.roundView(roundId), () => loadRound(api, roundId));
  const [waiting, setWaiting] = useState(false);
  const afterWrite = useCallback(
    async (version?: number | null) => {
      setWaiting(true);
      try {
        if (version) await readAfterWrite(roundId, version);
        else await client.invalidateQueries({ queryKey: keys.round(roundId) });
      } finally {
        setWaiting(false);
      }
    },
    [client, readAfterWrite, roundId],
  );
  return { round, refreshing: waiting || round.fetching, afterWrite };
}
