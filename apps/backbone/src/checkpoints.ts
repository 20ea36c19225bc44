import { CHECKPOINT_REQUESTS_CHANNEL, Checkpointer, type CheckpointSigner, type SignedCheckpoint } from '@selter/event-store';
import type { Logger } from '@selter/logging';
import type { Sql } from 'postgres';

/** Requests (an auditor exporting a round the last checkpoint does not cover yet) sign at most one checkpoint per this gap. */
export const REQUEST_GAP_MS = 1_000;

export interface CheckpointLoopOptions {
  sql: Sql;
  signer: CheckpointSigner;
  intervalMs: number;
  log: Logger;
  /** Where a signed checkpoint is copied outside the database (Kafka), when a broker is configured. */
  publish?: (checkpoint: SignedCheckpoint) => Promise<void>;
}

/**
 * Signs a checkpoint at start, every interval, and soon after a request on CHECKPOINT_REQUESTS_CHANNEL
 * (paced: one per REQUEST_GAP_MS at most, and none when no event is new). One pass at a time: the
 * checkpointer keeps the tree's right edge in memory, and two passes at once would both append the
 * same leaves. Returns a stop function that waits for a pass under way.
 */
export async function startCheckpoints(o: CheckpointLoopOptions): Promise<() => Promise<void>> {
  const checkpointer = new Checkpointer(o.sql, o.signer);
  const once = async (): Promise<void> => {
    try {
      const signed = await checkpointer.checkpoint();
      if (!signed) return;
      o.log.info({ sequence: signed.body.sequence, treeSize: signed.body.treeSize, keyId: signed.body.keyId }, 'checkpoint signed');
      await o.publish?.(signed);
    } catch (error) {
      // The next tick retries; a missed checkpoint only widens the window the next one covers.
      o.log.error({ err: error }, 'checkpoint failed');
    }
  };
  let chain = Promise.resolve();
  let queued = false;
  // A pass already queued serves every caller until it starts; one under way may miss newer events, so queue another.
  const run = (): Promise<void> => {
    if (queued) return chain;
    queued = true;
    chain = chain.then(() => {
      queued = false;
      return once();
    });
    return chain;
  };
  let lastRequested = 0;
  let pending: NodeJS.Timeout | undefined;
  const onRequest = (): void => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      lastRequested = Date.now();
      void run();
    }, Math.max(0, lastRequested + REQUEST_GAP_MS - Date.now()));
  };
  await run();
  const timer = setInterval(() => void run(), o.intervalMs);
  const listener = await o.sql.listen(CHECKPOINT_REQUESTS_CHANNEL, onRequest);
  return async () => {
    clearInterval(timer);
    clearTimeout(pending);
    // PostgreSQL may be going down with us (Ctrl-C reaches the whole process group): a closed connection has no LISTEN left.
    await listener.unlisten().catch(() => undefined);
    await chain;
  };
}
