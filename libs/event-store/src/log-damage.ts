import type { Sql } from 'postgres';
import type { SignedLog, SigningProblem } from './signed-log';
import type { LogPosition } from './types';

const upToClause = (sql: Sql, upTo: LogPosition) =>
  sql`(transaction_id, global_position) <= (${upTo.transactionId.toString()}::xid8, ${upTo.globalPosition.toString()}::bigint)`;

/**
 * Where the signed part of the log (every event up to `upTo`, as `signed` remembers it) was damaged:
 * an event that no longer hashes, a stream whose signed tail is gone, a missing or re-linked event.
 * A full scan of the signed part, run only after a cheap check (count, churn) said something changed.
 */
export async function locateDamage(
  sql: Sql,
  signed: SignedLog,
  upTo: LogPosition,
  sequence: number,
): Promise<SigningProblem | undefined> {
  const [edited] = await sql<Array<{ stream_id: string; v: number; gp: string }>>`
    select stream_id, stream_version::int as v, global_position::text as gp from events
    where ${upToClause(sql, upTo)}
      and not (pg_catalog.sha256(prev_hash || pg_catalog.convert_to(record, 'UTF8')) = hash
        and record_json @> jsonb_build_object('streamId', stream_id, 'streamVersion', stream_version, 'eventId', event_id::text, 'type', type))
    order by events.transaction_id, events.global_position limit 1`;
  if (edited) {
    return {
      code: 'HASH_MISMATCH',
      streamId: edited.stream_id,
      streamVersion: edited.v,
      globalPosition: edited.gp,
      checkpointSequence: sequence,
      reason: `${edited.stream_id} version ${edited.v} (position ${edited.gp}), signed in checkpoint ${sequence}, no longer hashes to its stored hash (payload changed)`,
    };
  }
  const tails = await sql<Array<{ stream_id: string; v: number }>>`
    select stream_id, max(stream_version)::int as v from events where ${upToClause(sql, upTo)} group by stream_id`;
  const kept = new Map(tails.map((t) => [t.stream_id, t.v]));
  for (const [streamId, head] of signed.heads) {
    const left = kept.get(streamId) ?? 0;
    if (left < head.version) {
      return {
        code: 'TAIL_CUT',
        streamId,
        streamVersion: left + 1,
        globalPosition: head.globalPosition,
        checkpointSequence: sequence,
        reason: `${streamId}: versions ${left + 1}-${head.version} (the last at position ${head.globalPosition}), signed in checkpoint ${sequence}, are gone`,
      };
    }
  }
  const [link] = await sql<Array<{ stream_id: string; v: number; gp: string; gap: boolean }>>`
    select stream_id, v, gp, gap from (
      select stream_id, stream_version::int as v, global_position::text as gp, transaction_id, global_position,
        stream_version <> coalesce(lag(stream_version) over w, 0) + 1 as gap,
        prev_hash <> coalesce(lag(hash) over w, ${Buffer.alloc(32)}::bytea) as broken
      from events where ${upToClause(sql, upTo)}
      window w as (partition by stream_id order by stream_version)) x
    where gap or broken order by transaction_id, global_position limit 1`;
  if (link) {
    const what = link.gap
      ? `follows a missing version (an event was deleted)`
      : `does not chain to the version before it`;
    return {
      code: link.gap ? 'VERSION_GAP' : 'CHAIN_BROKEN',
      streamId: link.stream_id,
      streamVersion: link.v,
      globalPosition: link.gp,
      checkpointSequence: sequence,
      reason: `${link.stream_id} version ${link.v} (position ${link.gp}), signed in checkpoint ${sequence}, ${what}`,
    };
  }
  return undefined;
}
