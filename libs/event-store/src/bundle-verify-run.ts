// Drivers of the pure bundle checks (bundle-verify.ts): synchronous for node:crypto, asynchronous
// for WebCrypto. Pure too (no Node built-in): the browser verifier imports this file.
import {
  bundleChecks,
  toHex,
  type BundleVerdict,
  type Checks,
  type CoreVerifyOptions,
  type EvidenceBundle,
  type VerifyPrimitives,
} from './bundle-verify';

/** Drives checks with synchronous primitives. */
export function runSync<T>(checks: Checks<T>, primitives: VerifyPrimitives<'sync'>): T {
  for (let step = checks.next(undefined as never); ;) {
    if (step.done) return step.value;
    const ask = step.value;
    step = checks.next(
      ask.op === 'sha256'
        ? primitives.sha256Hex(ask.inputs)
        : primitives.ed25519Verify(ask.publicKeyDer, ask.message, ask.signature),
    );
  }
}

/** Drives checks with asynchronous primitives (WebCrypto). */
export async function runAsync<T>(checks: Checks<T>, primitives: VerifyPrimitives<'async'>): Promise<T> {
  for (let step = checks.next(undefined as never); ;) {
    if (step.done) return step.value;
    const ask = step.value;
    step = checks.next(
      ask.op === 'sha256'
        ? await primitives.sha256Hex(ask.inputs)
        : await primitives.ed25519Verify(ask.publicKeyDer, ask.message, ask.signature),
    );
  }
}

const hexBytes = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

/** The primitives of a browser (or any runtime with WebCrypto): SHA-256 and Ed25519 from `crypto.subtle`. */
export function webCryptoPrimitives(subtle: SubtleCrypto): VerifyPrimitives<'async'> {
  const encoder = new TextEncoder();
  return {
    async sha256Hex(inputs) {
      return Promise.all(
        inputs.map(async ([hex, text]) => {
          const prefix = hexBytes(hex);
          const body = encoder.encode(text);
          const data = new Uint8Array(prefix.length + body.length);
          data.set(prefix);
          data.set(body, prefix.length);
          return toHex(new Uint8Array(await subtle.digest('SHA-256', data)));
        }),
      );
    },
    async ed25519Verify(publicKeyDer, message, signature) {
      try {
        const key = await subtle.importKey('spki', new Uint8Array(publicKeyDer), { name: 'Ed25519' }, false, [
          'verify',
        ]);
        return await subtle.verify(
          { name: 'Ed25519' },
          key,
          new Uint8Array(signature),
          encoder.encode(message),
        );
      } catch {
        return false;
      }
    },
  };
}

/** Verifies a bundle with WebCrypto, entirely where it runs (the browser): nothing is sent anywhere. */
export function verifyBundleWebCrypto(
  bundle: EvidenceBundle,
  subtle: SubtleCrypto,
  options: CoreVerifyOptions = {},
): Promise<BundleVerdict> {
  return runAsync(bundleChecks(bundle, options), webCryptoPrimitives(subtle));
}
