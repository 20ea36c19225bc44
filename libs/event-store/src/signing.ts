import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The Ed25519 key that signs checkpoints; `keyId` is the SHA-256 fingerprint of its public key. */
export interface CheckpointSigner {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** First 16 bytes of SHA-256 over the SPKI DER of a public key, in hex. */
export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 32);
}

export function signerFromPrivatePem(pem: string): CheckpointSigner {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('checkpoint signing key must be Ed25519');
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyFingerprint(publicKey), privateKey, publicKey };
}

/** A fresh key pair (tests; first start of the embedded default). */
export function generateSigner(): CheckpointSigner {
  const { privateKey } = generateKeyPairSync('ed25519');
  return signerFromPrivatePem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
}

/** The embedded default: the key kept in `file`, created (mode 0600) on first use. */
export function loadOrCreateSigner(file: string): CheckpointSigner {
  if (existsSync(file)) return signerFromPrivatePem(readFileSync(file, 'utf8'));
  const signer = generateSigner();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, signer.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
  return signer;
}

export const publicKeyPem = (key: KeyObject): string =>
  key.export({ type: 'spki', format: 'pem' }).toString();

export const signBytes = (signer: CheckpointSigner, body: string): Buffer =>
  sign(null, Buffer.from(body, 'utf8'), signer.privateKey);

export const verifySignature = (publicKey: KeyObject, body: string, signature: Buffer): boolean => {
  try {
    return verify(null, Buffer.from(body, 'utf8'), publicKey, signature);
  } catch {
    return false;
  }
};

/** Whether a signed checkpoint's text verifies with `publicKey`. */
export const verifySignatureOf = (
  publicKey: KeyObject,
  checkpoint: { signedBody: string; signature: string },
): boolean => verifySignature(publicKey, checkpoint.signedBody, Buffer.from(checkpoint.signature, 'base64'));
