import type { Sql } from 'postgres';
import type { SignedCheckpoint } from './checkpoint-format';
import { MerkleFrontier } from './merkle';
import type { VerifyProblem } from './verify';

/** One leaf a checkpoint signed, as recorded when it was stored (migration 0005, ADR 0017). */
export interface CoveredLeaf {
  leafIndex: number;
  streamVersion: number;
  globalPosition: string;
  hash: string;
}

/**
 * The leaf hashes of a checkpoint's tree from the stored copy, in leaf order, when they rebuild
 * its signed root (then each is proven to be in the signed tree); undefined when the copy is
 * short or altered. Reads one row per leaf: a cost in proportion to the tree, like an export.
 */
export async function provenLeaves(sql: Sql, checkpoint: SignedCheckpoint): Promise<Buffer[] | undefined> {
  const { treeSize, rootHash } = checkpoint.body;
  const frontier = new MerkleFrontier();
  const leaves: Buffer[] = [];
  const cursor = sql<Array<{ leaf: Buffer }>>`
    select pg_catalog.sha256(${Buffer.from([0])}::bytea || hash) as leaf from event_checkpoint_leaves
    where leaf_index < ${treeSize} order by leaf_index`.cursor(10_000);
  for await (const rows of cursor) {
    for (const { leaf } of rows) {
      frontier.append(leaf);
      leaves.push(leaf);
    }
  }
  return leaves.length === treeSize && frontier.root().toString('hex') === rootHash ? leaves : undefined;
}

/** The leaves of one stream under a tree of `treeSize`, by version. */
export async function streamLeaves(sql: Sql, streamId: string, treeSize: number): Promise<CoveredLeaf[]> {
  return sql<CoveredLeaf[]>`
    select leaf_index::int as "leafIndex", stream_version::int as "streamVersion", global_position::text as "globalPosition", encode(hash, 'hex') as hash
    from event_checkpoint_leaves where stream_id = ${streamId} and leaf_index < ${treeSize} order by stream_version`;
}

/** A signed leaf that the log no longer holds as it was signed. */
export interface LeafDiff {
  streamId: string;
  streamVersion: number;
  leafPosition: string;
  /** The event at this version now (null: gone). */
  event: { globalPosition: string; hash: string } | null;
  /** The stream's last version in the log now (0: none). */
  lastVersion: number;
}

/** Every signed leaf whose event is gone, moved or rewritten in the log (store-wide, one query). */
export async function leafDiffs(sql: Sql, treeSize: number, limit = 100_000): Promise<LeafDiff[]> {
  const rows = await sql<
    Array<{
      stream_id: string;
      v: number;
      leaf_gp: string;
      event_gp: string | null;
      event_hash: string | null;
      last_version: number | null;
    }>
  >`
    select l.stream_id, l.stream_version::int as v, l.global_position::text as leaf_gp,
      e.global_position::text as event_gp, encode(e.hash, 'hex') as event_hash,
      (select max(x.stream_version) from events x where x.stream_id = l.stream_id)::int as last_version
    from event_checkpoint_leaves l left join events e on e.stream_id = l.stream_id and e.stream_version = l.stream_version
    where l.leaf_index < ${treeSize} and (e.global_position is null or e.hash <> l.hash or e.global_position <> l.global_position)
    order by l.stream_id, l.stream_version
    limit ${limit}`;
  return rows.map((r) => ({
    streamId: r.stream_id,
    streamVersion: r.v,
    leafPosition: r.leaf_gp,
    event: r.event_gp === null ? null : { globalPosition: r.event_gp, hash: r.event_hash ?? '' },
    lastVersion: r.last_version ?? 0,
  }));
}

/** The same differences for one stream, from its signed leaves and its events now. */
export function streamLeafDiffs(
  streamId: string,
  leaves: readonly CoveredLeaf[],
  events: ReadonlyArray<{ streamVersion: number; globalPosition: string; hash: string }>,
): LeafDiff[] {
  const byVersion = new Map(events.map((e) => [e.streamVersion, e]));
  const lastVersion = events.reduce((max, e) => Math.max(max, e.streamVersion), 0);
  return leaves.flatMap((leaf) => {
    const e = byVersion.get(leaf.streamVersion);
    if (e && e.hash === leaf.hash && e.globalPosition === leaf.globalPosition) return [];
    return [
      {
        streamId,
        streamVersion: leaf.streamVersion,
        leafPosition: leaf.globalPosition,
        event: e ? { globalPosition: e.globalPosition, hash: e.hash } : null,
        lastVersion,
      },
    ];
  });
}

/**
 * Names what changed against what checkpoint `sequence` signed, per stream: a cut tail (versions
 * it covered that are gone, none after them), a deleted event, a moved event, a rewritten suffix
 * (hashes recomputed: named at the first differing version).
 */
export function coverageProblems(diffs: readonly LeafDiff[], sequence: number): VerifyProblem[] {
  const byStream = new Map<string, LeafDiff[]>();
  for (const d of diffs) byStream.set(d.streamId, [...(byStream.get(d.streamId) ?? []), d]);
  return [...byStream.entries()].flatMap(([streamId, rows]) => {
    const at = (d: LeafDiff, globalPosition: string) => ({
      streamId,
      streamVersion: d.streamVersion,
      globalPosition,
      checkpointSequence: sequence,
    });
    const problems: VerifyProblem[] = [];
    const cut = rows.filter((d) => d.event === null && d.streamVersion > d.lastVersion);
    const first = cut[0];
    const last = cut[cut.length - 1];
    if (first && last) {
      problems.push({
        code: 'LOG_TRUNCATED',
        ...at(first, first.leafPosition),
        reason: `versions ${first.streamVersion}..${last.streamVersion} (from global position ${first.leafPosition}), covered by checkpoint ${sequence}, are gone (tail cut)`,
      });
    }
    for (const d of rows.filter((r) => r.event === null && r.streamVersion <= r.lastVersion)) {
      problems.push({
        code: 'VERSION_GAP',
        ...at(d, d.leafPosition),
        reason: `version ${d.streamVersion} (global position ${d.leafPosition}), covered by checkpoint ${sequence}, was deleted`,
      });
    }
    const rewritten = rows.filter((r) => r.event !== null && r.event.globalPosition === r.leafPosition);
    const firstRewritten = rewritten[0];
    if (firstRewritten?.event) {
      const span =
        rewritten.length > 1
          ? `versions ${firstRewritten.streamVersion}..${rewritten[rewritten.length - 1]?.streamVersion} differ`
          : `version ${firstRewritten.streamVersion} differs`;
      problems.push({
        code: 'CHECKPOINT_ROOT_MISMATCH',
        ...at(firstRewritten, firstRewritten.event.globalPosition),
        reason: `${span} from what checkpoint ${sequence} signed (history rewritten, hashes recomputed)`,
      });
    }
    for (const d of rows.filter((r) => r.event !== null && r.event.globalPosition !== r.leafPosition)) {
      problems.push({
        code: 'OUT_OF_ORDER',
        ...at(d, d.event?.globalPosition ?? d.leafPosition),
        reason: `version ${d.streamVersion} was at global position ${d.leafPosition} when checkpoint ${sequence} signed it, and is now at ${d.event?.globalPosition} (events moved)`,
      });
    }
    return problems;
  });
}
