import type { Sql } from 'postgres';
import type { SignedCheckpoint } from './checkpoint-format';
import { consistencyProof, leafHash, verifyConsistency } from './merkle';
import { readCommittedHashes } from './read';
import { LOG_START } from './types';

/** The first `count` leaves of the checkpoint tree, read from the log, with the event each stands for. */
export async function readLeafEntries(
  sql: Sql,
  count: number,
): Promise<Array<{ leaf: Buffer; globalPosition: bigint }>> {
  const entries: Array<{ leaf: Buffer; globalPosition: bigint }> = [];
  for (let after = LOG_START; entries.length < count;) {
    const batch = await readCommittedHashes(sql, after, Math.min(50_000, count - entries.length));
    if (batch.length === 0) break;
    for (const e of batch) entries.push({ leaf: leafHash(e.hash), globalPosition: e.globalPosition });
    after = batch[batch.length - 1] as typeof after;
  }
  return entries;
}

/** The first `count` leaves of the checkpoint tree, read from the log. */
export async function readLeaves(sql: Sql, count: number): Promise<Buffer[]> {
  return (await readLeafEntries(sql, count)).map((e) => e.leaf);
}

/** A proof, from this database's log, that the tree of `firstSize` events is a prefix of the tree of `secondSize`. */
export async function proveConsistency(sql: Sql, firstSize: number, secondSize: number): Promise<string[]> {
  const leaves = await readLeaves(sql, secondSize);
  if (leaves.length < secondSize)
    throw new RangeError(`the log has ${leaves.length} events, fewer than ${secondSize}`);
  return consistencyProof(firstSize, leaves).map((h) => h.toString('hex'));
}

/** Whether the later checkpoint's history extends the earlier one's (RFC 9162 consistency). */
export function checkpointsConsistent(
  earlier: SignedCheckpoint,
  later: SignedCheckpoint,
  proof: readonly string[],
): boolean {
  return verifyConsistency(
    earlier.body.treeSize,
    later.body.treeSize,
    Buffer.from(earlier.body.rootHash, 'hex'),
    Buffer.from(later.body.rootHash, 'hex'),
    proof.map((h) => Buffer.from(h, 'hex')),
  );
}
