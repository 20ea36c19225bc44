import { createPublicKey, hash, verify, type KeyObject } from 'node:crypto';
import type { EvidenceBundle } from './bundle';
import {
  bundleChecks,
  chainProblemsOf,
  type BundleProblem,
  type BundleVerdict,
  type CoreVerifyOptions,
  type VerifyPrimitives,
} from './bundle-verify';
import { runSync } from './bundle-verify-run';
import type { BundleEvent } from './bundle';
import { keyFingerprint } from './signing';

export interface BundleVerifyOptions extends CoreVerifyOptions {
  /** A key obtained elsewhere: the bundle must carry this one and be signed with it. */
  publicKey?: KeyObject;
}

/**
 * SHA-256 over hex bytes then UTF-8 text, one-shot into a reused buffer: per event this is most of
 * the verification's cost, and `createHash` objects cost three times as much.
 */
function nodePrimitives(): VerifyPrimitives<'sync'> {
  let scratch = Buffer.allocUnsafe(1 << 16);
  return {
    sha256Hex: (inputs) =>
      inputs.map(([hex, text]) => {
        const need = hex.length / 2 + Buffer.byteLength(text, 'utf8');
        if (need > scratch.length) scratch = Buffer.allocUnsafe(need * 2);
        const at = scratch.write(hex, 0, 'hex');
        const end = at + scratch.write(text, at, 'utf8');
        return hash('sha256', scratch.subarray(0, end), 'hex');
      }),
    ed25519Verify(publicKeyDer, message, signature) {
      try {
        return verify(
          null,
          Buffer.from(message, 'utf8'),
          createPublicKey({ key: Buffer.from(publicKeyDer), format: 'der', type: 'spki' }),
          signature,
        );
      } catch {
        return false;
      }
    },
  };
}

/**
 * Verifies a bundle offline with node:crypto: every event in its slot, each record hashing into
 * the chain, the checkpoint's signature, and the chain's head inside the signed tree; reports
 * every problem and the first version each concerns. The same checks run in the browser with WebCrypto.
 */
export function verifyBundle(
  bundle: EvidenceBundle,
  options: BundleVerifyOptions | string = {},
): BundleVerdict {
  const opts = typeof options === 'string' ? { expectedKeyId: options } : options;
  const { publicKey, ...rest } = opts;
  return runSync(
    bundleChecks(bundle, { ...rest, ...(publicKey ? { expectedKeyId: keyFingerprint(publicKey) } : {}) }),
    nodePrimitives(),
  );
}

/** Every place a stream's events, in version order, break their hash chain (the walk `verifyBundle` starts with). */
export function chainProblems(streamId: string, events: readonly BundleEvent[]): BundleProblem[] {
  const computed = nodePrimitives().sha256Hex(events.map((e) => [e.prevHash, e.record]));
  return chainProblemsOf(streamId, events, computed);
}
