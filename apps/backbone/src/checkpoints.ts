import {
  acknowledgedScope,
  CHECKPOINT_REQUESTS_CHANNEL,
  Checkpointer,
  latestCheckpoint,
  listSigningAlarms,
  raiseSigningAlarm,
  SigningRefusedError,
  type CheckpointPass,
  type CheckpointSigner,
} from '@selter/event-store';
import type { Logger } from '@selter/logging';
import type { Sql } from 'postgres';
import { SigningWatch } from './signing-watch';

/** Requests (an auditor exporting a round the last checkpoint does not cover yet) sign at most one checkpoint per this gap. */
export const REQUEST_GAP_MS = 1_000;

export interface CheckpointLoopOptions {
  sql: Sql;
  signer: CheckpointSigner;
  intervalMs: number;
  log: Logger;
  /** Where a signed checkpoint (with its consistency proof) is copied outside the database (Kafka), when a broker is configured. */
  publish?: (pass: CheckpointPass) => Promise<void>;
  /** Where refusals are reported (health, metrics, the alarm topic); a silent one when absent. */
  watch?: SigningWatch;
}

/**
 * Signs a checkpoint at start, every interval, and soon after a request on CHECKPOINT_REQUESTS_CHANNEL
 * (paced: one per REQUEST_GAP_MS at most, and none when no event is new). One pass at a time: the
 * checkpointer keeps the tree's right edge in memory, and two passes at once would both append the
 * same leaves. A pass the checkpointer refuses (a broken log, ADR 18) raises a signing alarm, and no
 * pass signs while an alarm is open. Returns a stop function that waits for a pass under way.
 */
export async function startCheckpoints(o: CheckpointLoopOptions): Promise<() => Promise<void>> {
  const checkpointer = new Checkpointer(o.sql, o.signer);
  const watch = o.watch ?? new SigningWatch(o.log);
  let acknowledged = 0;
  const once = async (): Promise<void> => {
    try {
      // An open alarm (raised by this process or before a restart) holds signing until an operator acknowledges it.
      const alarms = await listSigningAlarms(o.sql);
      const open = alarms.find((a) => !a.acknowledged);
      if (open) return await watch.refuse(open, false);
      if (alarms.length !== acknowledged) {
        acknowledged = alarms.length;
        const scope = acknowledgedScope(alarms);
        checkpointer.acknowledge(scope.tolerated, scope.breakAfter);
        watch.resumed();
      }
      const pass = await checkpointer.pass();
      if (!pass) return;
      const { body } = pass.signed;
      o.log.info(
        {
          sequence: body.sequence,
          treeSize: body.treeSize,
          keyId: body.keyId,
          consistentFrom: pass.consistency.fromSize,
        },
        'checkpoint signed',
      );
      watch.checkpointSigned();
      await o.publish?.(pass);
    } catch (error) {
      if (error instanceof SigningRefusedError) {
        const last = await latestCheckpoint(o.sql);
        return await watch.refuse(await raiseSigningAlarm(o.sql, error.problem, last?.body.sequence), true);
      }
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
    pending = setTimeout(
      () => {
        pending = undefined;
        lastRequested = Date.now();
        void run();
      },
      Math.max(0, lastRequested + REQUEST_GAP_MS - Date.now()),
    );
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
