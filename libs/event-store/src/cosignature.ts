import { createPublicKey } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import type { Sql } from 'postgres';
import type { SignedCheckpoint } from './checkpoint-format';
import { keyFingerprint, publicKeyPem, signBytes, verifySignature, type CheckpointSigner } from './signing';

/** What a witness signs: it saw this checkpoint and found it consistent with the last one it cosigned. */
export interface CosignatureBody {
  format: 'selter-cosignature/1';
  checkpointHash: string;
  sequence: number;
  treeSize: number;
  rootHash: string;
  witnessKeyId: string;
  cosignedAt: string;
}

/** A cosignature as published and stored: the exact signed text, its signature and the witness's public key. */
export interface Cosignature {
  body: CosignatureBody;
  signedBody: string;
  signature: string;
  witnessPublicKey: string;
}

/** The witness's signature over a checkpoint it checked. */
export function cosign(witness: CheckpointSigner, checkpoint: SignedCheckpoint, at: Date): Cosignature {
  const body: CosignatureBody = {
    format: 'selter-cosignature/1',
    checkpointHash: checkpoint.checkpointHash,
    sequence: checkpoint.body.sequence,
    treeSize: checkpoint.body.treeSize,
    rootHash: checkpoint.body.rootHash,
    witnessKeyId: witness.keyId,
    cosignedAt: at.toISOString(),
  };
  const signedBody = canonicalize(body);
  return {
    body,
    signedBody,
    signature: signBytes(witness, signedBody).toString('base64'),
    witnessPublicKey: publicKeyPem(witness.publicKey),
  };
}

/** The signature verifies with the key it carries, and the body names that key. */
export function verifyCosignature(c: Cosignature): boolean {
  try {
    const key = createPublicKey(c.witnessPublicKey);
    const body = JSON.parse(c.signedBody) as CosignatureBody;
    return (
      keyFingerprint(key) === body.witnessKeyId &&
      verifySignature(key, c.signedBody, Buffer.from(c.signature, 'base64'))
    );
  } catch {
    return false;
  }
}

/** Stores a verified cosignature of a stored checkpoint (same hash); false when it names none, or was stored already. */
export async function storeCosignature(sql: Sql, c: Cosignature): Promise<boolean> {
  if (!verifyCosignature(c)) return false;
  const body = JSON.parse(c.signedBody) as CosignatureBody;
  const rows = await sql`
    insert into checkpoint_cosignatures (checkpoint_hash, witness_key_id, checkpoint_sequence, witness_public_key, cosigned_at, signed_body, signature)
    select checkpoint_hash, ${body.witnessKeyId}, sequence, ${c.witnessPublicKey}, ${body.cosignedAt}, ${c.signedBody}, ${Buffer.from(c.signature, 'base64')}
    from event_checkpoints where sequence = ${body.sequence} and checkpoint_hash = ${Buffer.from(body.checkpointHash, 'hex')}
    on conflict do nothing returning witness_key_id`;
  return rows.length > 0;
}

/** Who cosigned the stored checkpoint of this sequence: witness key fingerprints and when, oldest first (empty: nobody yet). */
export async function checkpointCosigners(
  sql: Sql,
  sequence: number,
): Promise<Array<{ witnessKeyId: string; cosignedAt: string }>> {
  const rows = await sql<Array<{ witness_key_id: string; cosigned_at: Date }>>`
    select s.witness_key_id, s.cosigned_at from checkpoint_cosignatures s
    join event_checkpoints c on c.checkpoint_hash = s.checkpoint_hash and c.sequence = s.checkpoint_sequence
    where c.sequence = ${sequence} order by s.cosigned_at, s.witness_key_id`;
  return rows.map((r) => ({ witnessKeyId: r.witness_key_id, cosignedAt: r.cosigned_at.toISOString() }));
}

/** What a witness publishes on the cosignature topic: a cosignature, or its refusal to cosign and why. */
export type WitnessMessage =
  | { type: 'CheckpointCosigned'; cosignature: Cosignature }
  | {
      type: 'CheckpointCosignRefused';
      witnessKeyId: string;
      sequence: number;
      checkpointHash: string;
      reason: string;
      at: string;
    };
