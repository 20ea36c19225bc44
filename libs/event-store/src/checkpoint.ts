import type { Sql } from 'postgres';
import {
  canonicalBody,
  checkpointHash,
  NO_PREVIOUS_CHECKPOINT,
  type CheckpointBody,
  type SignedCheckpoint,
} from './checkpoint-format';
import { locateDamage } from './log-damage';
import { consistencyProofFromFrontier, verifyConsistency } from './merkle';
import {
  eventTableChurn,
  readLinks,
  SignedLog,
  SigningRefusedError,
  type SigningProblem,
} from './signed-log';
import { signBytes, verifySignature, type CheckpointSigner } from './signing';
import type { LogPosition } from './types';

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
  const rows = await sql<
    CheckpointRow[]
  >`select signed_body, signature from event_checkpoints order by sequence`;
  return rows.map(toSignedCheckpoint);
}

export async function latestCheckpoint(sql: Sql): Promise<SignedCheckpoint | undefined> {
  const [row] = await sql<
    CheckpointRow[]
  >`select signed_body, signature from event_checkpoints order by sequence desc limit 1`;
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

/** A checkpoint just signed, with the RFC 9162 proof that its tree extends the previous one (empty for the first, or after an acknowledged break). */
export interface CheckpointPass {
  signed: SignedCheckpoint;
  consistency: { fromSize: number; proof: string[] };
}

const positionOfBody = (body: CheckpointBody): LogPosition => ({
  transactionId: BigInt(body.lastTransactionId ?? '0'),
  globalPosition: BigInt(body.lastGlobalPosition ?? '0'),
});
const refuse = (problem: SigningProblem): never => {
  throw new SigningRefusedError(problem);
};

/**
 * Signs checkpoints of the committed log, only over a log it has just checked (ADR 0018). It keeps
 * the signed tree's right edge and each stream's head in memory, so a pass reads, re-hashes (in
 * PostgreSQL) and links only the events since the last checkpoint, proves the new tree consistent
 * with the last signed one, and watches the event table's update and delete counters (and, every
 * `countEveryMs`, the count of the signed prefix, in case those counters were reset) to notice a
 * change behind it. On first use, and whenever the stored
 * last checkpoint is not the one it signed, it replays and checks the whole signed log once. Throws
 * SigningRefusedError, naming the stream, version and position, instead of signing a broken log.
 * Run one per deployment (a second one fails on the sequence key).
 */
export class Checkpointer {
  private log: SignedLog | undefined;
  private basis = '';
  private churn = 0;
  private tolerated = new Set<string>();
  private breakAfter: number | undefined;
  private rebase = false;
  private counted = 0;

  /**
   * `countEveryMs`: how often a pass also counts the signed prefix (an index-only scan of the whole
   * log, the one check that is not incremental); between counts the table's delete counter stands in.
   */
  constructor(
    private readonly sql: Sql,
    private readonly signer: CheckpointSigner,
    private readonly clock: () => Date = () => new Date(),
    private readonly countEveryMs = 60_000,
  ) {}

  /** An operator acknowledged these problems (toleranceKey) and a break after checkpoint `breakAfter`: re-read the log. */
  acknowledge(tolerated: Iterable<string>, breakAfter: number | undefined): void {
    this.tolerated = new Set(tolerated);
    this.breakAfter = breakAfter;
    this.log = undefined;
  }

  /** Extends the tree with every committed event and signs it; undefined when nothing is new. */
  async checkpoint(): Promise<SignedCheckpoint | undefined> {
    return (await this.pass())?.signed;
  }

  /** As checkpoint, with the consistency proof from the previous checkpoint (what a witness checks). */
  async pass(): Promise<CheckpointPass | undefined> {
    const previous = await latestCheckpoint(this.sql);
    const primed = !this.log || this.basis !== (previous?.checkpointHash ?? NO_PREVIOUS_CHECKPOINT);
    const signedLog = primed || !this.log ? (this.log = await this.prime(previous)) : this.log;
    const next = signedLog.fork();
    const leaves: Buffer[] = [];
    // The watch over the signed part runs beside the read of what is new: both must pass before signing.
    const watched = !primed && previous ? this.checkSignedPart(signedLog, previous) : Promise.resolve();
    const read = (async () => {
      for (
        let rows = await readLinks(this.sql, next.position, BATCH);
        ;
        rows = await readLinks(this.sql, next.position, BATCH)
      ) {
        for (const row of rows) leaves.push(next.extend(row));
        next.passed(rows.at(-1));
        if (rows.length < BATCH) return;
      }
    })();
    await Promise.all([watched, read]);
    await this.checkLinks(signedLog, next);
    const root = next.frontier.root().toString('hex');
    if (previous && previous.body.treeSize === next.frontier.size && previous.body.rootHash === root)
      return undefined;
    const consistency = {
      fromSize: previous && !this.rebase ? previous.body.treeSize : 0,
      proof: [] as string[],
    };
    if (previous && !this.rebase && previous.body.treeSize > 0) {
      const proof = consistencyProofFromFrontier(signedLog.frontier, leaves);
      if (
        !verifyConsistency(
          previous.body.treeSize,
          next.frontier.size,
          Buffer.from(previous.body.rootHash, 'hex'),
          Buffer.from(root, 'hex'),
          proof,
        )
      ) {
        refuse({
          code: 'CHECKPOINT_INCONSISTENT',
          checkpointSequence: previous.body.sequence,
          reason: `the tree of ${next.frontier.size} events is not consistent with checkpoint ${previous.body.sequence} (${previous.body.treeSize} events)`,
        });
      }
      consistency.proof = proof.map((h) => h.toString('hex'));
    }
    const signed = await this.sign(previous, next, root);
    this.log = next;
    this.basis = signed.checkpointHash;
    this.rebase = false;
    return { signed, consistency };
  }

  /** Replays the log up to the stored last checkpoint, checking every event, and checks that checkpoint against it. */
  private async prime(previous: SignedCheckpoint | undefined): Promise<SignedLog> {
    const log = new SignedLog(this.tolerated);
    this.churn = await eventTableChurn(this.sql);
    this.counted = Date.now();
    this.rebase = false;
    if (!previous) return log;
    const body = previous.body;
    if (
      body.keyId === this.signer.keyId &&
      !verifySignature(this.signer.publicKey, previous.signedBody, Buffer.from(previous.signature, 'base64'))
    ) {
      refuse({
        code: 'CHECKPOINT_FORGED',
        checkpointSequence: body.sequence,
        reason: `the stored checkpoint ${body.sequence} does not verify with the signing key ${body.keyId}`,
      });
    }
    const upTo = positionOfBody(body);
    if (body.treeSize > 0) {
      for (
        let rows = await readLinks(this.sql, log.position, BATCH, upTo);
        rows.length > 0;
        rows = await readLinks(this.sql, log.position, BATCH, upTo)
      ) {
        for (const row of rows) log.extend(row);
        log.passed(rows.at(-1));
      }
    }
    if (log.frontier.size !== body.treeSize || log.frontier.root().toString('hex') !== body.rootHash) {
      if (this.breakAfter === body.sequence) this.rebase = true;
      else
        refuse({
          code: log.frontier.size < body.treeSize ? 'EVENTS_MISSING' : 'CHECKPOINT_INCONSISTENT',
          checkpointSequence: body.sequence,
          ...(body.lastGlobalPosition ? { globalPosition: body.lastGlobalPosition } : {}),
          reason: `checkpoint ${body.sequence} signed ${body.treeSize} events up to position ${body.lastGlobalPosition}; the log now has ${log.frontier.size} there, with another root (events removed or rewritten)`,
        });
    }
    this.basis = previous.checkpointHash;
    return log;
  }

  /** The cheap watch over what is already signed: its count, and the event table's updates and deletes. */
  private async checkSignedPart(log: SignedLog, previous: SignedCheckpoint): Promise<void> {
    const body = previous.body;
    const upTo = positionOfBody(body);
    const countNow = Date.now() - this.counted >= this.countEveryMs;
    const [[counted], churn] = await Promise.all([
      countNow
        ? this.sql<Array<{ n: number }>>`select count(*)::int as n from events
          where (transaction_id, global_position) <= (${upTo.transactionId.toString()}::xid8, ${upTo.globalPosition.toString()}::bigint)`
        : [{ n: body.treeSize }],
      eventTableChurn(this.sql),
    ]);
    if (countNow) this.counted = Date.now();
    const count = counted?.n ?? 0;
    if (count === body.treeSize && churn === this.churn) return;
    const problem = await locateDamage(this.sql, log, upTo, body.sequence);
    if (problem) refuse(problem);
    if (count !== body.treeSize)
      refuse({
        code: 'EVENTS_MISSING',
        checkpointSequence: body.sequence,
        reason: `checkpoint ${body.sequence} signed ${body.treeSize} events; ${count} remain`,
      });
    refuse({
      code: 'TRIGGERS_BYPASSED',
      checkpointSequence: body.sequence,
      reason: `${churn - this.churn} rows of the event table were updated or deleted (the append-only triggers were bypassed); no signed event was found changed`,
    });
  }

  /** The signed last event of each stream that grew is still there, intact, with the hash the new events chain to. */
  private async checkLinks(signedLog: SignedLog, next: SignedLog): Promise<void> {
    const touched = [...next.heads].filter(
      ([id, head]) => signedLog.heads.get(id) !== head && signedLog.heads.has(id),
    );
    if (touched.length === 0) return;
    const ids = touched.map(([id]) => id);
    const versions = ids.map((id) => (signedLog.heads.get(id) as { version: number }).version);
    const rows = await this.sql<Array<{ stream_id: string; hash: Buffer; intact: boolean }>>`
      select stream_id, hash, pg_catalog.sha256(prev_hash || pg_catalog.convert_to(record, 'UTF8')) = hash as intact from events
      where (stream_id, stream_version) in (select * from unnest(${ids}::text[], ${versions}::bigint[]))`;
    const found = new Map(rows.map((r) => [r.stream_id, r]));
    for (const id of ids) {
      const head = signedLog.heads.get(id) as { version: number; hash: Buffer; globalPosition: string };
      const row = found.get(id);
      if (!row?.intact || !row.hash.equals(head.hash)) {
        refuse({
          code: row ? 'HASH_MISMATCH' : 'TAIL_CUT',
          streamId: id,
          streamVersion: head.version,
          globalPosition: head.globalPosition,
          reason: `${id} version ${head.version} (position ${head.globalPosition}), the last one signed, is ${row ? 'changed' : 'gone'}`,
        });
      }
    }
  }

  private async sign(
    previous: SignedCheckpoint | undefined,
    next: SignedLog,
    rootHash: string,
  ): Promise<SignedCheckpoint> {
    const size = next.frontier.size;
    const body: CheckpointBody = {
      format: 'selter-checkpoint/1',
      sequence: (previous?.body.sequence ?? 0) + 1,
      treeSize: size,
      rootHash,
      lastTransactionId: size ? next.position.transactionId.toString() : null,
      lastGlobalPosition: size ? next.position.globalPosition.toString() : null,
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
}
