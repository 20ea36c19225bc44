import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/** What a checkpoint signs: the tree over the committed log up to a point, chained to its predecessor. */
export interface CheckpointBody {
  format: 'selter-checkpoint/1';
  sequence: number;
  treeSize: number;
  rootHash: string;
  /** The last event covered, in committed order; null for an empty log. */
  lastTransactionId: string | null;
  lastGlobalPosition: string | null;
  prevCheckpointHash: string;
  createdAt: string;
  keyId: string;
}

/** A checkpoint as stored, published and exported: the exact signed text and its signature. */
export interface SignedCheckpoint {
  body: CheckpointBody;
  signedBody: string;
  signature: string;
  checkpointHash: string;
}

export const NO_PREVIOUS_CHECKPOINT = '0'.repeat(64);

export const canonicalBody = (body: CheckpointBody): string => canonicalize(body);

/** SHA-256 over the signed text and the signature: what the next checkpoint chains to. */
export function checkpointHash(signedBody: string, signature: Buffer): string {
  return createHash('sha256').update(signedBody, 'utf8').update(signature).digest('hex');
}

/** Parses a signed checkpoint's text back into its body (offline verification). */
export function parseSignedCheckpoint(signedBody: string, signatureBase64: string): SignedCheckpoint {
  const body = JSON.parse(signedBody) as CheckpointBody;
  const signature = Buffer.from(signatureBase64, 'base64');
  return {
    body,
    signedBody,
    signature: signatureBase64,
    checkpointHash: checkpointHash(signedBody, signature),
  };
}
