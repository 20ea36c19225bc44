import type { Sql } from 'postgres';
import { canonicalBody, checkpointHash, NO_PREVIOUS_CHECKPOINT, type CheckpointBody, type SignedCheckpoint } from './checkpoint-format';
import { leafHash, MerkleFrontier } from './merkle';
import { readCommittedHashes } from './read';
import { signBytes, type CheckpointSigner } from './signing';
import { LOG_START, type LogPosition } from './types';

const BATCH = 10_000;

interface CheckpointRow {
  signed_body: string;
  signature: Buffer;
}

export const toSignedCheckpoint = (row: CheckpointRow): SignedCheckpoint => ({
  body: JSON.parse(row.signed_body) as CheckpointBody,
  signedBody: row.signed_body,
  signature: row.signature.toString('base64'),
  checkpointHash: checkpointHash(row.signed_body, row.signature),
});

/** Every stored checkpoint, oldest first. */
export async function readCheckpoints(sql: Sql): Promise<SignedCheckpoint[]> {
  const rows = await sql<CheckpointRow[]>`select signed_body, signature from event_checkpoints order by sequence`;
  return rows.map(toSignedCheckpoint);
}

export async function latestCheckpoint(sql: Sql): Promise<SignedCheckpoint | undefined> {
  const [row] = await sql<CheckpointRow[]>`select signed_body, signature from event_checkpoints order by sequence desc limit 1`;
  return row ? toSignedCheckpoint(row) : undefined;
}

/** Whether a stored checkpoint covers the stream's last event (false for a stream without events). */
export async function checkpointCoversStream(sql: Sql, streamId: string): Promise<boolean> {
  const [row] = await sql<Array<{ covered: boolean }>>`
    select exists (
      select 1 from event_checkpoints c,
        (select transaction_id, global_position from events where stream_id = ${streamId} order by stream_version desc limit 1) h
      where (c.last_transaction_id, c.last_global_position) >= (h.transaction_id, h.global_position)) as covered`;
  return row?.covered ?? false;
}

/**
 * Signs checkpoints of the committed log. It keeps the tree's right edge in memory, so each
 * checkpoint costs only the events since the last one; on first use it replays the log's hashes
 * once. Run one per deployment (a second one fails on the sequence key and catches up).
 */
export class Checkpointer {
  private readonly frontier = new MerkleFrontier();
  private position: LogPosition = LOG_START;

  constructor(
    private readonly sql: Sql,
    private readonly signer: CheckpointSigner,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Extends the tree with every committed event and signs it; undefined when nothing is new. */
  async checkpoint(): Promise<SignedCheckpoint | undefined> {
    const previous = await latestCheckpoint(this.sql);
    await this.catchUp();
    if (previous && previous.body.treeSize === this.frontier.size) return undefined;
    const body: CheckpointBody = {
      format: 'selter-checkpoint/1',
      sequence: (previous?.body.sequence ?? 0) + 1,
      treeSize: this.frontier.size,
      rootHash: this.frontier.root().toString('hex'),
      lastTransactionId: this.frontier.size ? this.position.transactionId.toString() : null,
      lastGlobalPosition: this.frontier.size ? this.position.globalPosition.toString() : null,
      prevCheckpointHash: previous?.checkpointHash ?? NO_PREVIOUS_CHECKPOINT,
      createdAt: this.clock().toISOString(),
      keyId: this.signer.keyId,
    };
    const signedBody = canonicalBody(body);
    const signature = signBytes(this.signer, signedBody);
    const hash = checkpointHash(signedBody, signature);
    await this.sql`
      insert into event_checkpoints (sequence, tree_size, last_transaction_id, last_global_position, root_hash,
        prev_checkpoint_hash, created_at, key_id, signed_body, signature, checkpoint_hash)
      values (${body.sequence}, ${body.treeSize}, ${body.lastTransactionId}::xid8, ${body.lastGlobalPosition}::bigint,
        ${Buffer.from(body.rootHash, 'hex')}, ${Buffer.from(body.prevCheckpointHash, 'hex')}, ${body.createdAt},
        ${body.keyId}, ${signedBody}, ${signature}, ${Buffer.from(hash, 'hex')})`;
    return { body, signedBody, signature: signature.toString('base64'), checkpointHash: hash };
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const leaves = await readCommittedHashes(this.sql, this.position, BATCH);
      for (const leaf of leaves) this.frontier.append(leafHash(leaf.hash));
      const last = leaves[leaves.length - 1];
      if (last) this.position = { transactionId: last.transactionId, globalPosition: last.globalPosition };
      if (leaves.length < BATCH) return;
    }
  }
}
